package dev.argus.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTests {

    @Test
    void declaresTheLengthItSendsAndCarriesEveryFileInOrder() throws IOException {
        byte[] first = "first file\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[3000];
        MultipartBody body = new MultipartBody("clamav", List.of(part("a.txt", first), part("b.bin", second),
                part("c.txt", new byte[0])));

        byte[] sent;
        try (InputStream in = body.stream()) {
            sent = in.readAllBytes();
        }

        assertThat((long) sent.length).isEqualTo(body.publisher().contentLength());
        String text = new String(sent, StandardCharsets.ISO_8859_1);
        String boundary = body.contentType().substring(body.contentType().indexOf("boundary=") + 9);
        assertThat(text).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"probes\"")
                .endsWith("--" + boundary + "--\r\n");
        assertThat(text.indexOf("filename=\"a.txt\"")).isPositive()
                .isLessThan(text.indexOf("filename=\"b.bin\""));
        assertThat(text.indexOf("filename=\"b.bin\"")).isLessThan(text.indexOf("filename=\"c.txt\""));
        assertThat(text).contains("\r\n\r\nfirst file\n\r\n--" + boundary);
        assertThat(text.split("name=\"file\"", -1)).hasSize(4);
    }

    private static MultipartBody.Part part(String name, byte[] content) {
        return new MultipartBody.Part(name, content.length, () -> new ByteArrayInputStream(content));
    }
}
