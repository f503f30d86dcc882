package org.custos.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RerunAndDeadLettersIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path work;

    private void run(Path input, Path out, Path deadLetters) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CustosJob.define(env, new CustosJob.Directory(input, deadLetters), JobSettings.defaults(input),
                new JsonLinesSink(out));
        env.execute("custos small");
    }

    @Test
    void aBadRowGoesToTheDeadLettersOnceAndARerunWritesNothingNew() throws Exception {
        Path input = Files.createDirectories(work.resolve("org"));
        Files.createDirectories(input.resolve("LDAP"));
        Files.writeString(input.resolve("LDAP/2010-01.csv"), """
                employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor,clearance
                Regina Yolanda Harris,RYH3994,Regina.Y.Harris@dtaa.com,President,,1,1 - Administration,1 - Executive,1 - Office,,
                """);
        Files.writeString(input.resolve("logon.csv"), """
                id,date,user,pc,activity
                {L1},01/04/2010 07:12:09,RYH3994,PC-1,Logon
                {L2},13/45/2010 99:00:00,RYH3994,PC-1,Logon
                {L3},01/04/2010 17:02:00,RYH3994,PC-1,Logoff
                """);
        Files.writeString(input.resolve("personnel.csv"), """
                id,date,user,event,details
                {P1},01/04/2010 09:00:00,RYH3994,departure,Last day
                {P2},01/05/2010 08:00:00,RYH3994,departure,Last day again
                """);
        Path out = work.resolve("out");
        Path rejected = work.resolve("dead-letters.csv");

        run(input, out, rejected);
        List<String> first = Files.readAllLines(rejected);
        List<String> keys = Reference.keys(out);
        run(input, out, rejected);

        assertThat(first).hasSize(2);
        assertThat(first.get(1)).startsWith("logon.csv,3,");
        assertThat(Files.readAllLines(rejected)).isEqualTo(first);
        assertThat(keys).contains("summary", "person/RYH3994");
        assertThat(Reference.keys(out)).as("a second run into the same sink adds nothing").isEqualTo(keys);
        assertThat(Files.readAllLines(out.resolve("summary.jsonl")).get(0)).contains("\"events\":4");
    }
}
