package org.custos.simulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The file layout a simulation is written in. {@link #CUSTOS} is the CERT r6.2 layout plus Custos' own feeds and
 * scenarios; the two CERT layouts write only what the CERT release of that name has, with only the scenarios that
 * release plants, so detection can be measured on what a CERT user actually gets.
 */
public enum DataLayout {
    /** CERT r6.2 files (LDAP with a clearance column) plus badge, print, custody and personnel feeds; scenarios 1-7. */
    CUSTOS("custos", EnumSet.allOf(FeedKind.class), Set.of(1, 2, 3, 4, 5, 6, 7), true),
    /** CERT r6.2 files only: logon, device, file, email, http, LDAP, psychometric, decoys; scenarios 1-5. */
    CERT_R62("r6.2", EnumSet.of(FeedKind.LOGON, FeedKind.DEVICE, FeedKind.FILE, FeedKind.EMAIL, FeedKind.HTTP),
            Set.of(1, 2, 3, 4, 5), true),
    /**
     * CERT r4.2 files only: no activity columns (every file row a copy to removable media, every e-mail row a sent
     * message with an attachment count, every web row a visit), no projects in LDAP, no decoys; scenarios 1-3.
     */
    CERT_R42("r4.2", EnumSet.of(FeedKind.LOGON, FeedKind.DEVICE, FeedKind.FILE, FeedKind.EMAIL, FeedKind.HTTP),
            Set.of(1, 2, 3), false);

    private final String id;
    private final Set<FeedKind> feeds;
    private final Set<Integer> scenarios;
    private final boolean decoys;

    DataLayout(String id, Set<FeedKind> feeds, Set<Integer> scenarios, boolean decoys) {
        this.id = id;
        this.feeds = feeds;
        this.scenarios = scenarios;
        this.decoys = decoys;
    }

    /** The name used on the command line: {@code custos}, {@code r6.2} or {@code r4.2}. */
    public String id() {
        return id;
    }

    /** True when this layout writes {@code kind}'s file. */
    boolean writes(FeedKind kind) {
        return feeds.contains(kind);
    }

    /** True when this layout's release plants scenario {@code number}. */
    public boolean plants(int number) {
        return scenarios.contains(number);
    }

    /** True when this layout has a {@code decoy_file.csv}. */
    boolean hasDecoys() {
        return decoys;
    }

    /** The header of {@code kind}'s file in this layout. */
    String header(FeedKind kind) {
        if (this != CERT_R42) {
            return kind.header();
        }
        return switch (kind) {
            case DEVICE -> "id,date,user,pc,activity";
            case FILE -> "id,date,user,pc,filename,content";
            case EMAIL -> "id,date,user,pc,to,cc,bcc,from,size,attachments,content";
            case HTTP -> "id,date,user,pc,url,content";
            default -> kind.header();
        };
    }

    /** The layout named {@code id} (case-insensitive); fails naming the accepted values. */
    public static DataLayout parse(String id) {
        for (DataLayout layout : values()) {
            if (layout.id.equalsIgnoreCase(id.trim())) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + id + "' (expected custos, r6.2 or r4.2)");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
