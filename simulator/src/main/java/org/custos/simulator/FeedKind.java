package org.custos.simulator;

import java.util.Locale;

/**
 * A FeedKind is one of the event files the simulator writes: its file name, its header line, and the kind name
 * that prefixes its rows in the answer key's detail files.
 */
enum FeedKind {
    LOGON("logon.csv", "id,date,user,pc,activity"),
    DEVICE("device.csv", "id,date,user,pc,file_tree,activity"),
    FILE("file.csv", "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content"),
    EMAIL("email.csv", "id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content"),
    HTTP("http.csv", "id,date,user,pc,url,activity,content"),
    BADGE("badge.csv", "id,date,user,site,door,direction"),
    PRINT("print.csv", "id,date,user,pc,printer,document,pages"),
    CUSTODY("custody.csv", "id,date,user,serial,item,action,location"),
    PERSONNEL("personnel.csv", "id,date,user,event,details");

    private final String fileName;
    private final String header;

    FeedKind(String fileName, String header) {
        this.fileName = fileName;
        this.header = header;
    }

    /** The file name inside the output directory. */
    String fileName() {
        return fileName;
    }

    /** The header line, without the line end. */
    String header() {
        return header;
    }

    /** The word that prefixes this feed's rows in an answer-key detail file ({@code logon}, {@code device}, ...). */
    String keyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
