package org.tegami.imap.encode;

import java.util.List;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.mime.ParameterizedValue;

/**
 * BODY and BODYSTRUCTURE (RFC 3501 7.4.2): the non-extensible form, or with the extension
 * data (MD5, disposition, language, location) for BODYSTRUCTURE. Handles nested multiparts and
 * message/rfc822 parts, whose enclosed message gets its own envelope and structure.
 */
public final class BodyStructureEncoder {

    private BodyStructureEncoder() {
    }

    public static String encode(MimePart part, boolean extensible, boolean utf8) {
        StringBuilder out = new StringBuilder(256);
        encode(out, part, extensible, utf8);
        return out.toString();
    }

    private static void encode(StringBuilder out, MimePart part, boolean ext, boolean utf8) {
        out.append('(');
        if (part.isMultipart() && !part.children().isEmpty()) {
            for (MimePart child : part.children()) {
                encode(out, child, ext, utf8);
            }
            out.append(' ');
            ImapStrings.string(out, part.subtype(), utf8);
            if (ext) {
                out.append(' ');
                params(out, part.contentType().parameters(), utf8);
                extension(out, part, utf8);
            }
            out.append(')');
            return;
        }
        String type = part.isMultipart() ? "text" : part.type();
        String subtype = part.isMultipart() ? "plain" : part.subtype();
        ImapStrings.string(out, type, utf8);
        out.append(' ');
        ImapStrings.string(out, subtype, utf8);
        out.append(' ');
        params(out, part.contentType().parameters(), utf8);
        out.append(' ');
        ImapStrings.nstring(out, part.header().get("Content-ID"), utf8);
        out.append(' ');
        ImapStrings.nstring(out, part.header().get("Content-Description"), utf8);
        out.append(' ');
        ImapStrings.string(out, part.transferEncoding(), utf8);
        out.append(' ').append(part.bodySize());
        if (part.isMessage()) {
            MimePart inner = part.children().get(0);
            out.append(' ');
            EnvelopeEncoder.encode(out, inner.header(), utf8);
            out.append(' ');
            encode(out, inner, ext, utf8);
            out.append(' ').append(part.bodyLines());
        } else if (type.equals("text")) {
            out.append(' ').append(part.bodyLines());
        }
        if (ext) {
            out.append(' ');
            ImapStrings.nstring(out, part.header().get("Content-MD5"), utf8);
            extension(out, part, utf8);
        }
        out.append(')');
    }

    /** body-ext: disposition, language, location. */
    private static void extension(StringBuilder out, MimePart part, boolean utf8) {
        out.append(' ');
        String disposition = part.header().get("Content-Disposition");
        if (disposition == null || disposition.isBlank()) {
            out.append("NIL");
        } else {
            ParameterizedValue d = ParameterizedValue.parse(disposition);
            out.append('(');
            ImapStrings.string(out, d.value(), utf8);
            out.append(' ');
            params(out, d.parameters(), utf8);
            out.append(')');
        }
        out.append(' ');
        String language = part.header().get("Content-Language");
        if (language == null || language.isBlank()) {
            out.append("NIL");
        } else {
            String[] tags = language.split("\\s*,\\s*");
            out.append('(');
            for (int i = 0; i < tags.length; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                ImapStrings.string(out, tags[i].strip(), utf8);
            }
            out.append(')');
        }
        out.append(' ');
        ImapStrings.nstring(out, part.header().get("Content-Location"), utf8);
    }

    private static void params(StringBuilder out, List<ParameterizedValue.Parameter> params, boolean utf8) {
        if (params.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        boolean first = true;
        for (ParameterizedValue.Parameter p : params) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            ImapStrings.string(out, p.name(), utf8);
            out.append(' ');
            ImapStrings.string(out, p.value(), utf8);
        }
        out.append(')');
    }
}
