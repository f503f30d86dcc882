package org.custos.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostDirectoryTest {

    private static void logons(HostDirectory hosts, String host, String user, int times) {
        for (int i = 0; i < times; i++) {
            hosts.observeLogon(host, user);
        }
    }

    @Test
    void ownsAHostOnceOneAccountHasTwentyLogonsAndMostOfThem() {
        HostDirectory hosts = new HostDirectory();
        logons(hosts, "PC-1", "ALICE", 19);
        assertThat(hosts.owner("PC-1")).as("19 logons are not yet enough").isNull();

        logons(hosts, "PC-1", "ALICE", 1);
        logons(hosts, "PC-1", "HELPDESK", 5);

        assertThat(hosts.owner("PC-1")).isEqualTo("ALICE");
    }

    @Test
    void givesASharedHostNoOwner() {
        HostDirectory hosts = new HostDirectory();
        for (int i = 0; i < 30; i++) {
            hosts.observeLogon("LAB-1", "ALICE");
            hosts.observeLogon("LAB-1", "BOB");
            hosts.observeLogon("LAB-1", "CAROL");
        }

        assertThat(hosts.owner("LAB-1")).isNull();
    }

    @Test
    void givesNoOwnerWhenTheTopAccountHasLessThanSixtyPercent() {
        HostDirectory hosts = new HostDirectory();
        logons(hosts, "PC-2", "ALICE", 25);
        logons(hosts, "PC-2", "BOB", 20);

        assertThat(hosts.owner("PC-2")).as("25 of 45 is 56 %").isNull();
    }

    @Test
    void keepsTheOwnerAgainstManyOccasionalVisitors() {
        HostDirectory hosts = new HostDirectory();
        logons(hosts, "PC-3", "ALICE", 40);
        for (int i = 0; i < 12; i++) {
            hosts.observeLogon("PC-3", "VISITOR" + i);
        }

        assertThat(hosts.owner("PC-3")).isEqualTo("ALICE");
    }

    @Test
    void knowsNoOwnerForAnUnseenHostAndCountsHosts() {
        HostDirectory hosts = new HostDirectory();
        logons(hosts, "PC-1", "ALICE", 1);
        logons(hosts, "PC-2", "BOB", 1);

        assertThat(hosts.owner("PC-9")).isNull();
        assertThat(hosts.size()).isEqualTo(2);
    }

    @Test
    void anAssignedOwnerReplacesWhatWasLearnedAndNullClearsIt() {
        HostDirectory hosts = new HostDirectory();
        for (int i = 0; i < 30; i++) {
            hosts.observeLogon("PC-1", "ALICE");
        }
        hosts.assign("PC-1", "BOB");
        assertThat(hosts.owner("PC-1")).isEqualTo("BOB");
        hosts.assign("PC-1", null);
        assertThat(hosts.owner("PC-1")).isNull();
    }
}
