package org.custos.ingest;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Layout is one known set of columns for one feed, with the release it comes from and the mapper that reads its
 * rows; a file's layout is found from its header alone.
 */
enum Layout {
    LOGON(Feed.LOGON, "r4.2/r6.x", "id,date,user,pc,activity", LogonRows::new),
    DEVICE_R42(Feed.DEVICE, "r4.2", "id,date,user,pc,activity", DeviceRows::new),
    DEVICE_R6(Feed.DEVICE, "r6.x", "id,date,user,pc,file_tree,activity", DeviceRows::new),
    FILE_R42(Feed.FILE, "r4.2", "id,date,user,pc,filename,content", FileRows::new),
    FILE_R6(Feed.FILE, "r6.x",
            "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content", FileRows::new),
    EMAIL_R42(Feed.EMAIL, "r4.2", "id,date,user,pc,to,cc,bcc,from,size,attachment_count,content", EmailRows::new),
    EMAIL_R42_CERT(Feed.EMAIL, "r4.2", "id,date,user,pc,to,cc,bcc,from,size,attachments,content", EmailRows::new),
    EMAIL_R6(Feed.EMAIL, "r6.x", "id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content",
            EmailRows::new),
    HTTP_R42(Feed.HTTP, "r4.2", "id,date,user,pc,url,content", WebRows::new),
    HTTP_R6(Feed.HTTP, "r6.x", "id,date,user,pc,url,activity,content", WebRows::new),
    PRINT(Feed.PRINT, "custos", "id,date,user,pc,printer,document,pages", PrintRows::new),
    BADGE(Feed.BADGE, "custos", "id,date,user,site,door,direction", BadgeRows::new),
    CUSTODY(Feed.CUSTODY, "custos", "id,date,user,serial,item,action,location", CustodyRows::new),
    CUSTODY_PROJECT(Feed.CUSTODY, "custos", "id,date,user,serial,item,action,location,project", CustodyRows::new),
    PERSONNEL(Feed.PERSONNEL, "custos", "id,date,user,event,details", PersonnelRows::new);

    private final Feed feed;
    private final String release;
    private final Header columns;
    private final Function<Header, RowMapper> mapper;

    Layout(Feed feed, String release, String columns, Function<Header, RowMapper> mapper) {
        this.feed = feed;
        this.release = release;
        this.columns = Header.parse(columns);
        this.mapper = mapper;
    }

    /** The feed this layout belongs to. */
    Feed feed() {
        return feed;
    }

    /** The release it comes from: {@code r4.2}, {@code r6.x}, {@code r4.2/r6.x} or {@code custos}. */
    String release() {
        return release;
    }

    /** A mapper for rows of a file with this header (whose columns may come in any order). */
    RowMapper mapper(Header header) {
        return mapper.apply(header);
    }

    /** The layout of a feed's file with this header, if it is one Custos knows. */
    static Optional<Layout> detect(Feed feed, Header header) {
        return Arrays.stream(values()).filter(l -> l.feed == feed && header.sameColumnsAs(l.columns)).findFirst();
    }

    /** The headers a feed's file may have, for messages: {@code 'a,b' (r4.2) or 'a,b,c' (r6.x)}. */
    static String expected(Feed feed) {
        return Arrays.stream(values()).filter(l -> l.feed == feed)
                .map(l -> "'" + l.columns.text() + "' (" + l.release + ")")
                .collect(Collectors.joining(" or "));
    }
}
