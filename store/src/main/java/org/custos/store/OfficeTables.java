package org.custos.store;

import static org.custos.store.JdbcStore.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.core.event.CustodyMove;

/**
 * OfficeTables holds the SQL of the security office's registers: dashboard accounts, the material registry and the custody ledger of originals.
 */
final class OfficeTables {

    private final JdbcStore store;

    OfficeTables(JdbcStore store) {
        this.store = store;
    }
    // ---- accounts --------------------------------------------------------------------------------------------

    Account createAccount(String name, Role role, String passwordHash, Instant at) {
        Account a = new Account(name, role, passwordHash, 0, Optional.empty(), at);
        return store.write("creating an account", c -> {
            if (queryLong(c, "SELECT count(*) FROM accounts WHERE name = ?", name) > 0) {
                throw new StoreException(StoreException.Reason.CONFLICT, "account " + name + " already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (name, role, password_hash,"
                    + " failed_attempts, locked_until_us, created_us) VALUES (?, ?, ?, 0, NULL, ?)")) {
                bind(ps, name, role.id(), passwordHash, micros(at));
                ps.executeUpdate();
            }
            return a;
        });
    }

    Optional<Account> account(String name) {
        return store.read("reading an account", c -> accountRows(c, " WHERE name = ?", name).stream().findFirst());
    }

    List<Account> accounts() {
        return store.read("reading accounts", c -> accountRows(c, " ORDER BY name"));
    }

    private static List<Account> accountRows(Connection c, String where, Object... params) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM accounts" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString("name"), Role.parse(rs.getString("role")),
                            rs.getString("password_hash"), rs.getInt("failed_attempts"),
                            optInstant(rs, "locked_until_us"), instant(rs.getLong("created_us"))));
                }
            }
        }
        return out;
    }

    Account updateAccount(Account account) {
        return store.write("updating an account", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET role = ?, password_hash = ?,"
                    + " failed_attempts = ?, locked_until_us = ? WHERE name = ?")) {
                ps.setString(1, account.role().id());
                ps.setString(2, account.passwordHash());
                ps.setInt(3, account.failedAttempts());
                setNullableLong(ps, 4, account.lockedUntil());
                ps.setString(5, account.name());
                if (ps.executeUpdate() == 0) {
                    throw notFound("account " + account.name());
                }
            }
            return accountRows(c, " WHERE name = ?", account.name()).get(0);
        });
    }

    // ---- registry --------------------------------------------------------------------------------------------

    RegistryItem addRegistryItem(RegistryItem item) {
        return store.write("registering an item", c -> {
            if (queryLong(c, "SELECT count(*) FROM registry_items WHERE id = ?", item.id()) > 0) {
                throw new StoreException(StoreException.Reason.CONFLICT, "registry item " + item.id()
                        + " already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registry_items (id, name, level, project,"
                    + " owner, sha256, registered_us) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, item.id(), item.name(), item.level(), item.project(), item.owner(), item.sha256(),
                        micros(item.registeredAt()));
                ps.executeUpdate();
            }
            return item;
        });
    }

    Optional<RegistryItem> registryItem(String id) {
        return store.read("reading the registry", c -> registryRows(c, " WHERE id = ?", id).stream().findFirst());
    }

    List<RegistryItem> registryItems() {
        return store.read("reading the registry", c -> registryRows(c, " ORDER BY registered_us, id"));
    }

    private static List<RegistryItem> registryRows(Connection c, String where, Object... params)
            throws SQLException {
        List<RegistryItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM registry_items" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RegistryItem(rs.getString("id"), rs.getString("name"), rs.getString("level"),
                            rs.getString("project"), rs.getString("owner"), rs.getString("sha256"),
                            instant(rs.getLong("registered_us"))));
                }
            }
        }
        return out;
    }

    // ---- custody ---------------------------------------------------------------------------------------------

    CustodyRecord recordCustody(String serial, String item, CustodyMove.Action action, String who,
                                       Instant when, String where, String why) {
        return store.write("recording custody", c -> {
            long seq = queryLong(c, "SELECT coalesce(max(seq), 0) FROM custody_ledger") + 1;
            CustodyRecord r = new CustodyRecord(seq, serial, item, action, who, when, where, why);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO custody_ledger (seq, serial, item, action,"
                    + " who, at_us, location, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, seq, r.serial(), r.item(), r.action().name(), r.who(), micros(r.when()), r.where(), r.why());
                ps.executeUpdate();
            }
            return r;
        });
    }

    List<CustodyRecord> custody(String serial) {
        return store.read("reading the custody ledger", c -> custodyRows(c, " WHERE serial = ? ORDER BY at_us, seq",
                serial));
    }

    List<CustodyRecord> custodyLedger(Instant from, Instant to) {
        return store.read("reading the custody ledger", c -> custodyRows(c,
                " WHERE at_us >= ? AND at_us < ? ORDER BY at_us, seq", micros(from), micros(to)));
    }

    private static List<CustodyRecord> custodyRows(Connection c, String where, Object... params)
            throws SQLException {
        List<CustodyRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM custody_ledger" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CustodyRecord(rs.getLong("seq"), rs.getString("serial"), rs.getString("item"),
                            CustodyMove.Action.valueOf(rs.getString("action")), rs.getString("who"),
                            instant(rs.getLong("at_us")), rs.getString("location"), rs.getString("purpose")));
                }
            }
        }
        return out;
    }

}
