package org.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One walk through the dashboard in Debian's chromium, headless: sign in, the board, a person, acknowledge an alert,
 * open a case, add a note and open its report, custody, assess an uploaded file, sign out, and the audit view as an auditor. A
 * screenshot of every page goes to {@code target/screenshots}. The browser must accept the Secure session cookie
 * over plain http on 127.0.0.1 (a secure context), run the scripts under the strict CSP without a violation, and
 * draw the charts.
 */
class BrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;
    @TempDir
    static Path uploads;
    static ServerHarness h;
    static WebDriver driver;
    /** How long a wait for the page lasts before the test fails. */
    static final Duration WAIT = Duration.ofSeconds(15);
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        h = new ServerHarness(data);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (h != null) {
            h.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + h.server.port() + path;
    }

    static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /**
     * Clicks a button that submits a form and waits until the browser has left the page (its root element is
     * stale), so that what the test reads next is the server's answer, not the page being replaced. While a page is
     * being replaced chromedriver can answer a query with "Node with given id does not belong to the document"; this
     * wait asks again instead of failing.
     */
    static void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
    }

    static void signIn(String name, String password) {
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/signin"));
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin")).click();
    }

    static void assertNoScriptOrPolicyErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries).noneMatch(e -> e.getMessage().contains("Content Security Policy")
                || e.getLevel().intValue() >= Level.SEVERE.intValue()
                && !e.getMessage().contains("Failed to load resource: the server responded with a status of 401"));
    }

    @Test
    void investigatorWalksFromTheBoardToACaseAndAnAssessment() throws Exception {
        signIn("nobody", "wrong-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
        screenshot("01-signin-refused");

        signIn("investigator1", ServerHarness.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/board"));
        Cookie cookie = driver.manage().getCookieNamed("__Host-custos-session");
        assertThat(cookie).as("chromium keeps the Secure cookie on http://127.0.0.1").isNotNull();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        String insider = h.pseudonym(Fixture.INSIDER);
        WebElement first = driver.findElement(By.cssSelector("#board tbody tr td:nth-child(2) a"));
        assertThat(first.getText()).isEqualTo(insider);
        assertThat(driver.getPageSource()).doesNotContain("Alice Insider").doesNotContain(Fixture.INSIDER);
        screenshot("02-board");

        first.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("score-chart"), "data-drawn", "yes"));
        wait.until(ExpectedConditions.attributeToBe(By.id("timeline-chart"), "data-drawn", "yes"));
        assertThat(driver.findElement(By.id("latest-score")).getText()).isEqualTo("60.0");
        assertThat(driver.findElement(By.id("contributions")).getText()).contains("file-to-removable-media");
        screenshot("03-person");

        driver.get(url("/alerts"));
        WebElement ack = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#alerts button.acknowledge")));
        String rowId = ack.findElement(By.xpath("ancestor::tr")).getAttribute("id");
        ack.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + rowId + " .badge"),
                "acknowledged"));
        assertThat(driver.findElement(By.id(rowId)).getText()).contains("by investigator1");
        screenshot("04-alerts");

        submit(By.cssSelector("#" + rowId + " button.open-case"));
        wait.until(ExpectedConditions.urlMatches(".*/cases/C-\\d{4}-\\d+$"));
        assertThat(driver.findElement(By.id("case-state")).getText()).isEqualTo("open");
        assertThat(driver.getPageSource()).contains("Alice Insider");
        driver.findElement(By.id("note-text")).sendKeys("Copies match the plan; ask the <b>owner</b>.");
        submit(By.id("add-note"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "ask the <b>owner</b>."));
        screenshot("05-case");

        String caseUrl = driver.getCurrentUrl();
        driver.findElement(By.id("report-references")).click();
        driver.findElement(By.id("report-html")).click();
        wait.until(ExpectedConditions.urlMatches(
                ".*/cases/C-\\d{4}-\\d+/report\\.html\\?references=prc-state-secrets$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Case C-");
        assertThat(driver.getPageSource()).contains("Timeline", "Indicators and their events", "Article 111",
                insider).doesNotContain("Alice Insider");
        assertThat(driver.findElement(By.tagName("th")).getCssValue("background-color"))
                .as("the report's own style sheet applies under its policy").isEqualTo("rgba(243, 246, 249, 1)");
        screenshot("05b-case-report");
        assertNoScriptOrPolicyErrors();
        driver.get(caseUrl);

        driver.get(url("/custody"));
        assertThat(driver.findElement(By.id("custody")).getText()).contains("SN-0042").contains("overdue");
        screenshot("06-custody");

        Path leak = uploads.resolve("photographed-page.txt");
        Files.writeString(leak, "Notes from the range. " + ServerHarness.PLAN + " End of notes.");
        driver.get(url("/material"));
        assertThat(driver.findElement(By.id("registry")).getText()).contains("plan.txt");
        driver.findElement(By.id("assess-file")).sendKeys(leak.toAbsolutePath().toString());
        submit(By.id("assess"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("highest-level")));
        assertThat(driver.findElement(By.id("highest-level")).getText()).isEqualTo("secret");
        assertThat(driver.findElements(By.tagName("mark"))).hasSizeGreaterThanOrEqualTo(2);
        screenshot("07-assessment");

        assertNoScriptOrPolicyErrors();
        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
        assertThat(driver.manage().getCookieNamed("__Host-custos-session")).isNull();
        driver.get(url("/board"));
        wait.until(ExpectedConditions.urlContains("/signin?next=%2Fboard"));
        screenshot("08-signed-out");

        signIn("auditor1", ServerHarness.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/audit"));
        driver.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "audit log OK"));
        assertThat(driver.findElement(By.id("audit-entries")).getText()).contains("person.view")
                .contains("investigator1").contains(insider);
        screenshot("09-audit");
        assertNoScriptOrPolicyErrors();
    }
}
