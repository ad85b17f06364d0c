package org.tegami.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An initialised {@link SSLContext} whose sockets, server sockets and engines come with our
 * protocols and cipher suites already set, so the policy holds however the host creates them
 * ({@code createSSLEngine}, {@code getSocketFactory().createSocket(socket, ...)}, ...).
 */
final class HardenedSslContext extends SSLContext {

    HardenedSslContext(SSLContext base, SSLParameters parameters) {
        super(new Spi(base, parameters), base.getProvider(), base.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext base;
        private final SSLParameters parameters;

        Spi(SSLContext base, SSLParameters parameters) {
            this.base = base;
            this.parameters = parameters;
        }

        <T extends SSLSocket> T configure(T socket) {
            socket.setSSLParameters(copy());
            return socket;
        }

        SSLParameters copy() {
            SSLParameters p = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
            p.setUseCipherSuitesOrder(true);
            return p;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new SocketFactory(this, base.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new ServerSocketFactory(this, base.getServerSocketFactory());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = base.createSSLEngine();
            engine.setSSLParameters(copy());
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = base.createSSLEngine(host, port);
            engine.setSSLParameters(copy());
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return base.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return base.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return copy();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return copy();
        }
    }

    private static final class SocketFactory extends SSLSocketFactory {
        private final Spi spi;
        private final SSLSocketFactory base;

        SocketFactory(Spi spi, SSLSocketFactory base) {
            this.spi = spi;
            this.base = base;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return spi.parameters.getCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return spi.parameters.getCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return spi.configure((SSLSocket) base.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(s, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return spi.configure((SSLSocket) base.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class ServerSocketFactory extends SSLServerSocketFactory {
        private final Spi spi;
        private final SSLServerSocketFactory base;

        ServerSocketFactory(Spi spi, SSLServerSocketFactory base) {
            this.spi = spi;
            this.base = base;
        }

        private ServerSocket configure(ServerSocket socket) {
            ((SSLServerSocket) socket).setSSLParameters(spi.copy());
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return spi.parameters.getCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return spi.parameters.getCipherSuites();
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return configure(base.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return configure(base.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return configure(base.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return configure(base.createServerSocket(port, backlog, address));
        }
    }
}
