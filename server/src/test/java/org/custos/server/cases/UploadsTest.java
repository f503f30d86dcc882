package org.custos.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void keepsOnlyAPlainFileName() {
        assertThat(Uploads.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.safeName("C:\\Users\\x\\plan.pdf")).isEqualTo("plan.pdf");
        assertThat(Uploads.safeName("..")).isEqualTo("upload");
        assertThat(Uploads.safeName(".hidden")).isEqualTo("hidden");
        assertThat(Uploads.safeName("a\"b\r\n.txt")).isEqualTo("a_b__.txt");
        assertThat(Uploads.safeName(null)).isEqualTo("upload");
        assertThat(Uploads.safeName("秘密文件.docx")).isEqualTo("秘密文件.docx");
    }
}
