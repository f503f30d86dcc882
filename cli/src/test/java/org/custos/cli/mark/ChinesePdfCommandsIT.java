package org.custos.cli.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers a Chinese item, marks a PDF copy with the real command and traces it (needs a font for Chinese, Debian:
 * fonts-wqy-zenhei, which run-tests installs).
 */
class ChinesePdfCommandsIT {

    static final String NOTICE = """
            关于加强涉密载体借阅管理的通知

            各部门：

            近期检查发现，部分人员借阅涉密载体后未按期归还，个别人员将载体带离办公场所。为此，现就有关要求通知如下。

            一、借阅涉密载体应当填写审批单，经部门负责人审批后方可借出。借阅机密级以上载体的，还应当报保密办公室审核。

            二、借阅的涉密载体应当在办公场所内使用，下班前存放在密码文件柜中。因此，任何人不得将涉密载体带回家中。

            三、归还时，档案管理人员应当面清点页数和份数。例如，发现缺页、损毁或者逾期未还的，应当立即报告保密办公室。

            四、各部门应当按照本通知要求，于本月底前完成自查。此外，保密办公室将于下月组织抽查，检查结果纳入年度考核。

            特此通知。
            """;

    @TempDir
    Path tmp;

    @Test
    void marksAChinesePdfCopyAndTracesItToItsRecipient() throws IOException {
        Path data = tmp.resolve("data");
        Path notice = Files.writeString(tmp.resolve("借阅通知.txt"), NOTICE);
        assertThat(CommandRun.of("registry", "add", "--data", data.toString(), "--level", "secret",
                notice.toString()).code()).isZero();

        CommandRun marked = CommandRun.of("mark", "借阅通知.txt", "--data", data.toString(), "--recipient", "李四",
                "--purpose", "自查", "--by", "clerk", "--out", tmp.resolve("li.pdf").toString());
        CommandRun traced = CommandRun.of("trace", tmp.resolve("li.pdf").toString(), "--data", data.toString());

        assertThat(marked.code()).as(marked.err()).isZero();
        assertThat(marked.out()).startsWith("marked  copy ").contains(" for 李四: ").contains("1 page");
        assertThat(traced.code()).isZero();
        assertThat(traced.out()).contains(": identified: copy ").contains("issued to 李四").contains("qr: 5 x valid");
    }
}
