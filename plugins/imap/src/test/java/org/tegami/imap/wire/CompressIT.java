package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;

/**
 * COMPRESS=DEFLATE (RFC 4978) over real sockets: a raw client that inflates and deflates with
 * the JDK, counting the bytes on the wire; IDLE updates pushed from the update threads through
 * the compressed stream; the refusals; garbage in place of compressed data; and Angus Mail with
 * {@code mail.imap.compress.enable} behind a byte-counting proxy.
 */
class CompressIT {

    /** A text that compresses well, as mail text does. */
    private static final String TEXT = "The quick brown fox jumps over the lazy dog, again and again.\r\n".repeat(2000);

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void afterCompressBothDirectionsAreDeflatedAndAFetchTakesAFractionOfTheBytes() throws Exception {
        try (Socket socket = socket()) {
            ImapClient plain = greeted(socket);
            plain.ok("a", "LOGIN alice@localhost secret");
            assertTrue(plain.ok("b", "CAPABILITY").get(0).contains(" COMPRESS=DEFLATE"));
            plain.send("c COMPRESS DEFLATE");
            plain.expect("c OK DEFLATE active");
            Counting wire = new Counting(socket.getInputStream());
            ImapClient z = compressed(socket, wire);
            assertFalse(z.ok("d", "CAPABILITY").get(0).contains("COMPRESS=DEFLATE"), "offered again while active");
            assertEquals("e NO [COMPRESSIONACTIVE] DEFLATE is already active", last(z.command("e", "COMPRESS DEFLATE")));
            byte[] message = ("Subject: compressed\r\n\r\n" + TEXT).getBytes(StandardCharsets.US_ASCII);
            z.send("f APPEND INBOX {" + message.length + "}");
            z.expect("\\+ .*");
            z.sendRaw(new String(message, StandardCharsets.US_ASCII) + "\r\n");
            z.expect("f OK .*");
            z.ok("g", "SELECT INBOX");
            long before = wire.count.get();
            String body = String.join("\r\n", z.ok("h", "FETCH 1 BODY[TEXT]"));
            long onTheWire = wire.count.get() - before;
            assertTrue(body.contains(TEXT.substring(0, 500)), "the text came back");
            assertTrue(onTheWire < TEXT.length() / 10, onTheWire + " bytes on the wire for " + TEXT.length());
            z.send("i LOGOUT");
            z.expect("\\* BYE .*");
            z.expect("i OK .*");
        }
    }

    @Test
    void idleUpdatesComeThroughTheCompressedStream() throws Exception {
        try (Socket socket = socket()) {
            compressing(socket, "bob@localhost");
            ImapClient z = compressed(socket, socket.getInputStream());
            z.ok("c", "SELECT INBOX");
            z.send("d IDLE");
            z.expect("\\+ .*");
            server.dropIntoNew("bob@localhost", "Subject: while idling\r\n\r\nhello\r\n");
            z.expect("\\* \\d+ EXISTS");
            z.send("DONE");
            assertTrue(last(z.readUntilTagged("d")).startsWith("d OK "));
        }
    }

    @Test
    void aCompressionBombIsReadAsTheOverlongLineItIs() throws Exception {
        try (Socket socket = socket()) {
            compressing(socket, "alice@localhost");
            ImapClient z = compressed(socket, socket.getInputStream());
            // 16 MB of one byte deflate to some 16 KB: the limits count inflated bytes.
            OutputStream out = new DeflaterOutputStream(socket.getOutputStream(),
                    new Deflater(Deflater.BEST_COMPRESSION, true), 65536, true);
            out.write("c NOOP ".getBytes(StandardCharsets.US_ASCII));
            byte[] megabyte = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 16; i++) {
                out.write(megabyte);
            }
            out.write("\r\nd NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String refusal = z.rawLine();
            assertTrue(refusal.matches("(c|\\*) BAD .*[Ll]ine too long.*"), refusal);
            assertEquals("d OK NOOP completed", last(z.readUntilTagged("d")).replaceAll(" \\(.*", ""));
        }
    }

    @Test
    void compressIsForLoggedInSessionsAndDeflateOnly() throws Exception {
        try (Socket socket = socket()) {
            ImapClient plain = greeted(socket);
            assertFalse(plain.ok("a", "CAPABILITY").get(0).contains("COMPRESS"), "offered before login");
            assertTrue(last(plain.command("b", "COMPRESS DEFLATE")).startsWith("b BAD "));
            plain.ok("c", "LOGIN alice@localhost secret");
            assertTrue(last(plain.command("d", "COMPRESS GZIP")).startsWith("d BAD "));
            assertTrue(last(plain.command("e", "COMPRESS")).startsWith("e BAD "));
            plain.ok("f", "NOOP");
        }
    }

    @Test
    void dataThatDoesNotInflateEndsTheSessionAndNothingElse() throws Exception {
        try (Socket socket = socket()) {
            compressing(socket, "alice@localhost");
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, 0x37, (byte) 0xaa, 0x55, 0x00});
            out.flush();
            assertThrows(IOException.class, () -> {
                while (socket.getInputStream().read() >= 0) {
                    // whatever the server still sends
                }
                throw new IOException("closed");
            });
        }
        try (Socket again = socket()) {
            greeted(again).ok("a", "LOGIN alice@localhost secret");
        }
    }

    @Test
    void angusMailCompressesWhenAskedTo() throws Exception {
        String user = "t60@localhost";
        try (Proxy proxy = new Proxy(server.port("imap"))) {
            Properties props = new Properties();
            props.put("mail.imap.host", "127.0.0.1");
            props.put("mail.imap.port", String.valueOf(proxy.port()));
            props.put("mail.imap.ssl.trust", "*");
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
            props.put("mail.imap.compress.enable", "true");
            props.put("mail.imap.connectiontimeout", "5000");
            props.put("mail.imap.timeout", "10000");
            Session session = Session.getInstance(props);
            Store store = session.getStore("imap");
            store.connect(user, "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("alice@localhost"));
                m.setSubject("big and plain");
                m.setText(TEXT);
                m.saveChanges();
                inbox.appendMessages(new Message[] {m});
                inbox.open(Folder.READ_ONLY);
                long before = proxy.fromServer.get();
                Object content = inbox.getMessage(inbox.getMessageCount()).getContent();
                long onTheWire = proxy.fromServer.get() - before;
                assertEquals(TEXT.replace("\r\n", "\n"), content.toString().replace("\r\n", "\n"));
                assertTrue(onTheWire < TEXT.length() / 5, onTheWire + " bytes on the wire for " + TEXT.length());
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static ImapClient greeted(Socket socket) throws IOException {
        ImapClient client = new ImapClient(socket.getInputStream(), socket.getOutputStream(), socket::close);
        client.expect("\\* OK \\[CAPABILITY IMAP4rev1 .*\\] .*");
        return client;
    }

    /** Greeted, logged in and COMPRESS DEFLATE answered OK, still read uncompressed. */
    private static void compressing(Socket socket, String user) throws IOException {
        ImapClient plain = greeted(socket);
        plain.ok("a", "LOGIN " + user + " secret");
        plain.send("b COMPRESS DEFLATE");
        plain.expect("b OK DEFLATE active");
    }

    /** A client over the same socket that deflates what it sends and inflates what it reads. */
    private static ImapClient compressed(Socket socket, InputStream wire) throws IOException {
        return new ImapClient(new InflaterInputStream(wire, new Inflater(true)),
                new DeflaterOutputStream(socket.getOutputStream(), new Deflater(Deflater.DEFAULT_COMPRESSION, true), true),
                socket::close);
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** A TCP proxy for one client connection that counts the bytes the server sends. */
    private static final class Proxy implements AutoCloseable {
        final AtomicLong fromServer = new AtomicLong();
        private final ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        private final int target;
        private final Thread acceptor;
        private volatile Socket client;
        private volatile Socket upstream;

        Proxy(int target) throws IOException {
            this.target = target;
            acceptor = new Thread(this::serve, "compress-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            try {
                client = listener.accept();
                upstream = new Socket("127.0.0.1", target);
                pump(client.getInputStream(), upstream.getOutputStream(), null);
                pump(upstream.getInputStream(), client.getOutputStream(), fromServer);
            } catch (IOException e) {
                // the test failed or ended; close() cleans up
            }
        }

        private static void pump(InputStream in, OutputStream out, AtomicLong counter) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        // counted before it is passed on, so a reader never sees more than the count
                        if (counter != null) {
                            counter.addAndGet(n);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side closed
                }
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }, "compress-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : new Socket[] {client, upstream}) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
