package jp.kakaritsuke.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one password rule (NIST SP 800-63B-4): lengths after NFKC, user name, common passwords, no composition rules. */
class PasswordPolicyTest {

    @Test
    void lengthIsBetween15And64CharactersCountedAfterNfkc() {
        assertThat(PasswordPolicy.problem("tanaka", "aaabbbkashiwa!!".substring(1))).contains("account.error.password");
        assertThat(PasswordPolicy.problem("tanaka", "kashiwa-admin")).contains("account.error.password"); // the finding: 13
        assertThat(PasswordPolicy.problem("tanaka", "my clinic opens")).isEmpty(); // 15: no digits or capitals needed
        String sixtyFour = "柏の葉の診療所は朝八時から開いていて".repeat(4).substring(0, 64);
        assertThat(sixtyFour.codePointCount(0, sixtyFour.length())).isEqualTo(64);
        assertThat(PasswordPolicy.problem("tanaka", sixtyFour)).isEmpty();
        assertThat(PasswordPolicy.problem("tanaka", sixtyFour + "。")).contains("account.error.passwordTooLong");
        assertThat(PasswordPolicy.problem("tanaka", "x".repeat(201))).contains("account.error.passwordTooLong");
        // a character outside the BMP is one character, not two UTF-16 units
        assertThat(PasswordPolicy.problem("tanaka", "🍣".repeat(8) + "sushibar")).isEmpty();
        assertThat(PasswordPolicy.problem("tanaka", "🍣".repeat(7) + "sushiba")).contains("account.error.password");
    }

    @Test
    void fullWidthAndHalfWidthAreTheSamePassword() {
        assertThat(PasswordPolicy.normalize("ｃｏｒｒｅｃｔ－ｈｏｒｓｅ－ｂａｔｔｅｒｙ")).isEqualTo("correct-horse-battery");
        assertThat(PasswordPolicy.normalize("ｶｼﾜﾉﾊ")).isEqualTo("カシワノハ");
        // か + a combining voiced mark is composed into が: 28 code points typed, 14 characters
        String voiced = "かきくけこさしすせそたちつてと".chars().mapToObj(c -> (char) c + "\u3099").collect(java.util.stream.Collectors.joining());
        assertThat(PasswordPolicy.normalize(voiced)).isEqualTo("がぎぐげござじずぜぞだぢづでど");
        assertThat(PasswordPolicy.problem("tanaka", voiced)).isEmpty();
        assertThat(PasswordPolicy.problem("tanaka", voiced.substring(0, 28))).contains("account.error.password");
    }

    @Test
    void theUserNameIsNeitherThePasswordNorPartOfIt() {
        assertThat(PasswordPolicy.problem("kashiwa.clinic.no1", "kashiwa.clinic.no1")).contains("account.error.passwordUsername");
        assertThat(PasswordPolicy.problem("kashiwa.clinic", "KASHIWA.CLINIC-2026")).contains("account.error.passwordUsername");
        assertThat(PasswordPolicy.problem("kashiwa.clinic", "ｋａｓｈｉｗａ.ｃｌｉｎｉｃ1234")).contains("account.error.passwordUsername");
        assertThat(PasswordPolicy.problem("kashiwa.clinic", "the clinic in kashiwa")).isEmpty();
    }

    @Test
    void commonPasswordsFromTheShippedListAreRefused() {
        assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThan(49_000);
        assertThat(PasswordPolicy.problem("tanaka", "passwordpassword")).contains("account.error.passwordCommon");
        assertThat(PasswordPolicy.problem("tanaka", "QwertyUiop12345")).contains("account.error.passwordCommon");
        // a listed password with digits or symbols only added around it
        assertThat(PasswordPolicy.problem("tanaka", "iloveyou12345678")).contains("account.error.passwordCommon");
        assertThat(PasswordPolicy.problem("tanaka", "!!!sunshine2026!!")).contains("account.error.passwordCommon");
        // one short run repeated
        assertThat(PasswordPolicy.problem("tanaka", "aaaaaaaaaaaaaaa")).contains("account.error.passwordCommon");
        assertThat(PasswordPolicy.problem("tanaka", "abcabcabcabcabcabc")).contains("account.error.passwordCommon");
        assertThat(PasswordPolicy.problem("tanaka", "123412341234123412")).contains("account.error.passwordCommon");
        // a listed word inside a longer phrase is fine
        assertThat(PasswordPolicy.problem("tanaka", "sunshine over teganuma lake")).isEmpty();
    }

    @Test
    void theTestPasswordsStayValid() {
        assertThat(PasswordPolicy.problem("u0123456789ab", "correct-horse-battery")).isEmpty();
        // the bootstrap administrator's test password contains "admin": the bootstrap only warns (AdminBootstrap)
        assertThat(PasswordPolicy.problem("admin", "test-admin-password")).contains("account.error.passwordUsername");
    }
}
