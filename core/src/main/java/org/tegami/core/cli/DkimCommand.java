package org.tegami.core.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tegami.api.ConfigException;
import org.tegami.core.config.ConfigSource;

/**
 * {@code tegami dkim keygen|show}: makes DKIM signing keys (RFC 6376, RFC 8463) in the folder
 * the smtp plugin signs with ({@code smtp.dkim.keys}, default {@code conf/dkim}) and prints the
 * DNS TXT records that publish them (RFC 6376 3.6.1).
 */
final class DkimCommand implements CliCommand {

    private static final Pattern DOMAIN = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    /** One DNS label without dots: the file name's last dot separates it from the domain. */
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final String SUFFIX = ".key";

    @Override
    public String name() {
        return "dkim";
    }

    @Override
    public String summary() {
        return "make DKIM signing keys and print their DNS records (smtp.dkim.keys)";
    }

    @Override
    public String usage() {
        return "usage: tegami [--conf DIR] dkim keygen DOMAIN [--selector S] [--type rsa|ed25519]\n"
                + "       tegami [--conf DIR] dkim show [DOMAIN]\n"
                + "keygen writes <keys folder>/DOMAIN.S.key (PEM PKCS#8, mode 0600; never overwrites) and prints\n"
                + "the TXT record to publish. The default selector is tegami<yyyyMM>, the default type rsa (2048\n"
                + "bits). show prints the records of the keys in the folder. The folder is smtp.dkim.keys\n"
                + "(default conf/dkim). Run it as the server's user, so the server can read the key.";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        List<String> words = new ArrayList<>(args);
        if (words.isEmpty() || !List.of("keygen", "show").contains(words.get(0))) {
            return usageError(context, words.isEmpty() ? "missing subcommand (keygen, show)"
                    : "unknown subcommand '" + words.get(0) + "'");
        }
        Path folder;
        try {
            folder = ConfigSource.load(context.configDirectory()).settings("smtp").path("dkim.keys", Path.of("conf/dkim"));
        } catch (ConfigException e) {
            return fail(context, ExitCodes.CONFIG, e.getMessage());
        }
        try {
            return words.get(0).equals("keygen") ? keygen(words.subList(1, words.size()), folder, context)
                    : show(words.subList(1, words.size()), folder, context);
        } catch (IOException e) {
            return fail(context, ExitCodes.IO_ERROR, e.getMessage());
        }
    }

    private int keygen(List<String> args, Path folder, CliContext context) throws IOException {
        String domain = null;
        String selector = "tegami" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMM"));
        String type = "rsa";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--selector") || a.equals("--type")) && i + 1 < args.size()) {
                if (a.equals("--selector")) {
                    selector = args.get(++i);
                } else {
                    type = args.get(++i).toLowerCase(Locale.ROOT);
                }
            } else if (!a.startsWith("-") && domain == null) {
                domain = a.toLowerCase(Locale.ROOT);
            } else {
                return usageError(context, "unexpected argument '" + a + "'");
            }
        }
        if (domain == null) {
            return usageError(context, "keygen needs a DOMAIN");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return fail(context, ExitCodes.DATA_ERROR, "'" + domain + "' is not a domain name");
        }
        if (!SELECTOR.matcher(selector).matches()) {
            return fail(context, ExitCodes.DATA_ERROR, "'" + selector + "' is not a selector: letters, digits and - only");
        }
        if (!type.equals("rsa") && !type.equals("ed25519")) {
            return usageError(context, "--type is rsa or ed25519");
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.equals("rsa") ? "RSA" : "Ed25519");
            if (type.equals("rsa")) {
                generator.initialize(2048);
            }
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            return fail(context, ExitCodes.SOFTWARE, "cannot make a key: " + e.getMessage());
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(domain + "." + selector + SUFFIX);
        try {
            writePrivate(file, pair.getPrivate());
        } catch (FileAlreadyExistsException e) {
            return fail(context, ExitCodes.DATA_ERROR, file + " already exists; choose another --selector");
        }
        context.err().println("wrote " + file + "; publish this record, then relayed mail from " + domain + " is signed:");
        context.out().println(record(domain, selector, pair.getPublic()));
        return ExitCodes.OK;
    }

    private int show(List<String> args, Path folder, CliContext context) throws IOException {
        if (args.size() > 1 || args.stream().anyMatch(a -> a.startsWith("-"))) {
            return usageError(context, "show takes at most one DOMAIN");
        }
        String wanted = args.isEmpty() ? null : args.get(0).toLowerCase(Locale.ROOT);
        TreeSet<Path> files = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                found.forEach(files::add);
            }
        }
        int shown = 0;
        for (Path file : files) {
            String base = file.getFileName().toString();
            base = base.substring(0, base.length() - SUFFIX.length());
            int dot = base.lastIndexOf('.');
            if (dot <= 0 || (wanted != null && !base.substring(0, dot).equalsIgnoreCase(wanted))) {
                continue;
            }
            try {
                context.out().println(record(base.substring(0, dot).toLowerCase(Locale.ROOT), base.substring(dot + 1),
                        publicKey(Files.readString(file, StandardCharsets.US_ASCII))));
                shown++;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                context.err().println("tegami dkim: " + file + ": not an RSA or Ed25519 PEM PKCS#8 private key");
            }
        }
        if (shown == 0) {
            return fail(context, ExitCodes.DATA_ERROR, "no DKIM keys" + (wanted == null ? "" : " for " + wanted) + " in " + folder);
        }
        return ExitCodes.OK;
    }

    /** Writes the key readable by its owner only (mode 0600), refusing an existing file. */
    private static void writePrivate(Path file, PrivateKey key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(pem.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * The public key of a PEM PKCS#8 private key. An Ed25519 key's public half is derived by
     * generating the pair again from its 32-byte seed (RFC 8032 5.1.5), as the JDK offers no
     * direct way.
     */
    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip();
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body));
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(spec);
            if (key instanceof RSAPrivateCrtKey crt) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            }
            throw new GeneralSecurityException("RSA key without its public exponent");
        } catch (GeneralSecurityException e) {
            EdECPrivateKey ed = (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(spec);
            byte[] seed = ed.getBytes().orElseThrow(() -> new GeneralSecurityException("Ed25519 key without its seed"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair().getPublic();
        }
    }

    /**
     * The TXT record, in zone file form, split into strings of at most 255 characters (RFC 1035
     * 3.3.14). {@code p=} is the SubjectPublicKeyInfo for RSA (RFC 6376 3.6.1) and the bare
     * 32-byte key for Ed25519 (RFC 8463 4).
     */
    static String record(String domain, String selector, PublicKey key) {
        boolean ed = key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA");
        byte[] encoded = key.getEncoded();
        byte[] p = ed ? Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length) : encoded;
        String text = "v=DKIM1; k=" + (ed ? "ed25519" : "rsa") + "; p=" + Base64.getEncoder().encodeToString(p);
        StringBuilder out = new StringBuilder(selector + "._domainkey." + domain + ". IN TXT");
        for (int at = 0; at < text.length(); at += 255) {
            out.append(" \"").append(text, at, Math.min(text.length(), at + 255)).append('"');
        }
        return out.toString();
    }

    /** Hands out the given seed, so the generator remakes that exact Ed25519 key pair. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    private static int usageError(CliContext context, String message) {
        return fail(context, ExitCodes.USAGE, message + " (try tegami dkim --help)");
    }

    private static int fail(CliContext context, int code, String message) {
        context.err().println("tegami dkim: " + message);
        return code;
    }
}
