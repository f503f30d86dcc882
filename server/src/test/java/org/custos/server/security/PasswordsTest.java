package org.custos.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesWithArgon2idAtTheOwaspParametersAndASaltPerHash() {
        String a = Passwords.hash("correct horse");
        String b = Passwords.hash("correct horse");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(Passwords.matches("correct horse", a)).isTrue();
        assertThat(Passwords.matches("correct horse", b)).isTrue();
        assertThat(Passwords.matches("correct horsE", a)).isFalse();
    }

    @Test
    void refusesMalformedOrForeignHashes() {
        assertThat(Passwords.matches("x", null)).isFalse();
        assertThat(Passwords.matches("x", "")).isFalse();
        assertThat(Passwords.matches("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
        assertThat(Passwords.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???")).isFalse();
        assertThat(Passwords.matches("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void randomPasswordsAreLongAndDistinct() {
        String p = Passwords.random();
        assertThat(p).hasSize(20).matches("[a-zA-Z2-9]+");
        assertThat(Passwords.random()).isNotEqualTo(p);
    }
}
