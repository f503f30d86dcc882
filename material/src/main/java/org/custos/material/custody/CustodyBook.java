package org.custos.material.custody;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A CustodyBook is where the custody ledger lives: the records of originals and the marked copies issued. Today
 * its one form is {@link CustodyFiles} in the data directory; it is the seam where the ledger moves behind the
 * store's port.
 */
public interface CustodyBook {

    /** Every record of originals, in the order they were appended. */
    List<CustodyRecord> records() throws IOException;

    /** Appends a record; its id must be new. */
    void append(CustodyRecord record) throws IOException;

    /** Every marked copy issued, in the order issued. */
    List<IssuedCopy> copies() throws IOException;

    /** Records an issued copy; its copy id must be new. */
    void issue(IssuedCopy copy) throws IOException;

    /** The copy with this id, if it was issued. */
    default Optional<IssuedCopy> copy(String copyId) throws IOException {
        return copies().stream().filter(c -> c.copy().equals(copyId)).findFirst();
    }
}
