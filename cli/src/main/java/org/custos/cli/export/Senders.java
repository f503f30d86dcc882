package org.custos.cli.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Senders deliver syslog messages to a collector over UDP (one datagram each) or TCP (one line each). */
final class Senders {

    private Senders() {
    }

    /** Where syslog goes: {@code udp://HOST:PORT} or {@code tcp://HOST:PORT}. */
    record SyslogTarget(String protocol, String host, int port) {

        /** Parses a target, or throws {@link IllegalArgumentException} with a one-line message. */
        static SyslogTarget parse(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cef: '" + text + "' is not udp://HOST:PORT or tcp://HOST:PORT");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("udp") || scheme.equals("tcp")) || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("--cef: '" + text + "' is not udp://HOST:PORT or tcp://HOST:PORT");
            }
            return new SyslogTarget(scheme, uri.getHost(), uri.getPort());
        }
    }

    /** Sends each message; TCP messages are newline-terminated on one connection. */
    static void syslog(SyslogTarget target, List<String> messages) throws IOException {
        if (target.protocol().equals("udp")) {
            try (DatagramSocket socket = new DatagramSocket()) {
                InetSocketAddress to = new InetSocketAddress(target.host(), target.port());
                for (String message : messages) {
                    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                    int length = Math.min(bytes.length, 65_000);
                    socket.send(new DatagramPacket(bytes, length, to));
                }
            }
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
            OutputStream out = socket.getOutputStream();
            for (String message : messages) {
                out.write(message.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            out.flush();
        }
    }
}
