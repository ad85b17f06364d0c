package org.tegami.smtp.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses an SPF record by the ABNF of RFC 7208 section 12 into an {@link SpfRecord}. Any
 * syntax error, unknown mechanism, bad cidr length or repeated redirect/exp modifier is a
 * PERMERROR (4.6, 6).
 */
final class SpfRecordParser {

    private static final String VERSION = "v=spf1";
    /** name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ) */
    private static final Pattern TOPLABEL = Pattern.compile(
            "[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");
    private static final String QUALIFIERS = "+-~?";
    private static final SpfResult[] QUALIFIED = {SpfResult.PASS, SpfResult.FAIL, SpfResult.SOFTFAIL, SpfResult.NEUTRAL};

    private SpfRecordParser() {
    }

    /** RFC 7208 4.5: "v=spf1" in any case, then a space or the end of the record. */
    static boolean isSpfRecord(String txt) {
        return txt != null && txt.regionMatches(true, 0, VERSION, 0, VERSION.length())
                && (txt.length() == VERSION.length() || txt.charAt(VERSION.length()) == ' ');
    }

    static SpfRecord parse(String record) throws SpfException {
        if (!isSpfRecord(record)) {
            throw SpfException.permerror("not an SPF record");
        }
        List<Directive> directives = new ArrayList<>();
        String redirect = null;
        String explanation = null;
        // terms = *( 1*SP ( directive / modifier ) ), record ends with *SP
        for (String term : record.substring(VERSION.length()).split(" ")) {
            if (term.isEmpty()) {
                continue;
            }
            int eq = term.indexOf('=');
            if (eq > 0 && NAME.matcher(term.substring(0, eq)).matches()) {
                String name = term.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = term.substring(eq + 1);
                if (name.equals("redirect") || name.equals("exp")) {
                    boolean isRedirect = name.equals("redirect");
                    if (isRedirect ? redirect != null : explanation != null) {
                        throw SpfException.permerror(name + "= given more than once"); // 6
                    }
                    checkDomainSpec(value, term);
                    if (isRedirect) {
                        redirect = value;
                    } else {
                        explanation = value;
                    }
                } else {
                    MacroExpander.checkSyntax(value, true); // unknown-modifier: ignored (6)
                }
            } else {
                directives.add(directive(term));
            }
        }
        return new SpfRecord(directives, redirect, explanation);
    }

    private static Directive directive(String term) throws SpfException {
        int q = QUALIFIERS.indexOf(term.charAt(0));
        SpfResult qualifier = q < 0 ? SpfResult.PASS : QUALIFIED[q];
        String body = q < 0 ? term : term.substring(1);
        int end = 0;
        while (end < body.length() && body.charAt(end) != ':' && body.charAt(end) != '/') {
            end++;
        }
        Mechanism mechanism = Mechanism.named(body.substring(0, end));
        if (mechanism == null) {
            throw SpfException.permerror("unknown mechanism in '" + term + "'");
        }
        String rest = body.substring(end);
        return switch (mechanism) {
            case ALL -> {
                if (!rest.isEmpty()) {
                    throw SpfException.permerror("'all' takes no argument");
                }
                yield new Directive(qualifier, mechanism, null, 32, 128, null, term);
            }
            case INCLUDE, EXISTS, PTR -> {
                String spec = null;
                if (!rest.isEmpty() || mechanism != Mechanism.PTR) {
                    if (!rest.startsWith(":")) {
                        throw SpfException.permerror("'" + mechanism.keyword() + "' needs ':domain'");
                    }
                    spec = checkDomainSpec(rest.substring(1), term);
                }
                yield new Directive(qualifier, mechanism, spec, 32, 128, null, term);
            }
            case A, MX -> hostDirective(qualifier, mechanism, rest, term);
            case IP4, IP6 -> networkDirective(qualifier, mechanism, rest, term);
        };
    }

    /** a and mx: [ ":" domain-spec ] [ dual-cidr-length ]; the cidr starts at a '/' outside %{...}. */
    private static Directive hostDirective(SpfResult qualifier, Mechanism mechanism, String rest, String term)
            throws SpfException {
        int slash = -1;
        boolean inMacro = false;
        for (int i = 0; i < rest.length() && slash < 0; i++) {
            char c = rest.charAt(i);
            inMacro = c == '{' || inMacro && c != '}';
            if (c == '/' && !inMacro) {
                slash = i;
            }
        }
        String spec = slash < 0 ? rest : rest.substring(0, slash);
        String cidr = slash < 0 ? "" : rest.substring(slash);
        String domainSpec = null;
        if (!spec.isEmpty()) {
            if (!spec.startsWith(":")) {
                throw SpfException.permerror("bad argument in '" + term + "'");
            }
            domainSpec = checkDomainSpec(spec.substring(1), term);
        }
        // dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
        int cidr4 = 32;
        int cidr6 = 128;
        int dual = cidr.indexOf("//");
        String four = dual < 0 ? cidr : cidr.substring(0, dual);
        if (!four.isEmpty()) {
            cidr4 = prefix(four, 32, term);
        }
        if (dual >= 0) {
            cidr6 = prefix(cidr.substring(dual + 1), 128, term);
        }
        return new Directive(qualifier, mechanism, domainSpec, cidr4, cidr6, null, term);
    }

    /** ip4 ":" ip4-network [ ip4-cidr-length ], ip6 ":" ip6-network [ ip6-cidr-length ] (5.6). */
    private static Directive networkDirective(SpfResult qualifier, Mechanism mechanism, String rest, String term)
            throws SpfException {
        if (!rest.startsWith(":")) {
            throw SpfException.permerror("'" + mechanism.keyword() + "' needs ':network'");
        }
        boolean four = mechanism == Mechanism.IP4;
        int slash = rest.indexOf('/');
        String address = slash < 0 ? rest.substring(1) : rest.substring(1, slash);
        byte[] network = four ? IpBytes.parseIp4(address) : IpBytes.parseIp6(address);
        if (network == null) {
            throw SpfException.permerror("bad address in '" + term + "'");
        }
        int bits = slash < 0 ? network.length * 8 : prefix(rest.substring(slash), network.length * 8, term);
        return new Directive(qualifier, mechanism, null, four ? bits : 32, four ? 128 : bits, network, term);
    }

    /** "/" ( "0" / %x31-39 0*2DIGIT ), at most {@code max}. */
    private static int prefix(String text, int max, String term) throws SpfException {
        String digits = text.substring(1);
        if (!text.startsWith("/") || digits.isEmpty() || digits.length() > 3
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.length() > 1 && digits.charAt(0) == '0' || Integer.parseInt(digits) > max) {
            throw SpfException.permerror("bad cidr length in '" + term + "'");
        }
        return Integer.parseInt(digits);
    }

    /**
     * domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) /
     * macro-expand. Returns the spec.
     */
    private static String checkDomainSpec(String spec, String term) throws SpfException {
        if (spec.isEmpty()) {
            throw SpfException.permerror("empty domain in '" + term + "'");
        }
        MacroExpander.checkSyntax(spec, false);
        int open = spec.lastIndexOf("%{");
        boolean endsInMacro = open >= 0 && spec.indexOf('}', open) == spec.length() - 1;
        if (!endsInMacro) {
            String name = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !TOPLABEL.matcher(name.substring(dot + 1)).matches()) {
                throw SpfException.permerror("bad domain in '" + term + "'");
            }
        }
        return spec;
    }
}
