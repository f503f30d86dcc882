package org.custos.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.custos.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstStartPrintsTheAdminPasswordOnceAndTheServerAcceptsIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String password;
        try (ServeCommand.Running running = ServeCommand.start(data, 0, new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(2);
            password = lines.get(1).replace("  admin password: ", "");
            assertThat(password).hasSize(20);
            assertThat(running.address()).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(running.address()
                    + "api/session")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("\"role\":\"admin\"");
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(running.address() + "openapi.json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.body()).contains("\"openapi\":\"3.1.0\"").contains("/api/board");
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (ServeCommand.Running running = ServeCommand.start(data, 0, new PrintStream(again, true,
                StandardCharsets.UTF_8))) {
            assertThat(again.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aTakenPortIsOneLineNamingIt() throws Exception {
        try (ServeCommand.Running first = ServeCommand.start(data, 0, new PrintStream(new ByteArrayOutputStream()))) {
            int port = URI.create(first.address()).getPort();
            Path other = data.resolve("other");
            assertThatThrownBy(() -> ServeCommand.start(other, port, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is in use; choose another with --port");
        }
    }
}
