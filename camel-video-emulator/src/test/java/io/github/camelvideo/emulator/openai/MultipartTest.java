package io.github.camelvideo.emulator.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartTest {

    @Test
    void parsesTextFieldsAndBinaryFiles() {
        byte[] binary = {0, '\r', '\n', '-', '-', (byte) 0xff, '\r', '\n'};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhéllo\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(binary);
        body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));

        List<Multipart.Part> parts = Multipart.parse("multipart/form-data; boundary=\"b0undary\"", body.toByteArray());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("prompt");
        assertThat(parts.get(0).isFile()).isFalse();
        assertThat(parts.get(0).text()).isEqualTo("héllo");
        assertThat(parts.get(1).name()).isEqualTo("input_reference");
        assertThat(parts.get(1).filename()).isEqualTo("a.png");
        assertThat(parts.get(1).contentType()).isEqualTo("image/png");
        assertThat(parts.get(1).data()).isEqualTo(binary);
    }

    @Test
    void rejectsMalformedBodies() {
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data", new byte[0])).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class);
    }
}
