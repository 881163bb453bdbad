package io.payout.orchestrator.console;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CashConfigEntry;
import io.payout.orchestrator.account.AccountFacts;
import io.payout.orchestrator.account.AccountRegistry;
import io.payout.orchestrator.account.KnownCard;
import io.payout.orchestrator.e2e.HuifuStack;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console in Debian's headless Chromium, against the orchestrator on the real broker and database with the Huifu
 * sandbox and the callback gateway: withdrawals that succeeded, failed and were refunded, one accepted and then never
 * heard of (PROCESSING), one debited whose payout waits (ACCOUNTED), two that Huifu never answers (flagged overdue, still REQUESTED) and two whose remarks try to
 * inject markup. One context and one browser for
 * all scenarios; each scenario leaves a screenshot under target/console-screenshots. With
 * {@code -Dconsole.screenshots.docs=true} the overview, a timeline and the attention queue are also written to
 * docs/console/ for the README.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path DOCS = Path.of("..", "docs", "console");
    private static final String TOKEN = "10004053462";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    private static final String NORMAL = "6666000000000301";
    private static final String PAYOUT_FAILS = "6666000000000302";
    private static final String POOR = "6666000000000303";
    private static final String SILENT = "6666000000000304";
    private static final String STUCK = "6666000000000305";
    private static final String HELD = "6666000000000306";
    /** Notices dropped and queries failing: a withdrawal of such an account stays where it is. */
    private static final FaultRates SILENCE = new FaultRates(0, 1, 0, 0, 1, 0, 0, 0, 0, 0);
    private static final String SCRIPT_REMARK = "<script>window.injected = 1</script>";
    private static final String IMG_REMARK = "\"><img src=x onerror=\"window.injected = 2\">";
    private static final String FORMULA_REMARK = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private static HuifuStack stack;
    private static ChromeDriver browser;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private String scenario;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the console's browser tests need Debian's headless Chromium and its driver: "
                        + "apt-get update && apt-get install -y chromium chromium-driver");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Map<String, Object> orchestrator = new HashMap<>();
        orchestrator.put("console.identities[0].name", "finance");
        orchestrator.put("console.identities[0].password-hash", bcrypt.encode("finance-secret"));
        orchestrator.put("console.identities[0].role", "VIEWER");
        orchestrator.put("console.identities[1].name", "desk");
        orchestrator.put("console.identities[1].password-hash", bcrypt.encode("desk-secret"));
        orchestrator.put("console.identities[1].role", "OPERATOR");
        // the withdrawal Huifu never answers is flagged overdue within seconds
        orchestrator.put("orchestrator.reconciliation.horizon", "4s");
        orchestrator.put("orchestrator.reconciliation.daily-cron", "-");
        stack = new HuifuStack(Map.of(), orchestrator);
        for (String account : List.of(NORMAL, PAYOUT_FAILS, POOR, SILENT, STUCK, HELD)) {
            stack.control().createAccount(AccountSpec.standard(account, account.equals(POOR) ? "0.50" : "100000.00",
                    TOKEN));
        }
        // STUCK's notices are dropped; once Huifu accepted its withdrawal, its queries fail too: it stays PROCESSING
        stack.control().setFaults(faults(new FaultRates(0, 0, 0, 0, 1, 0, 0, 0, 0, 0), FaultRates.NONE));
        send("stuck-1", STUCK, "88.00", "D0", "accepted, then silence");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored("stuck-1",
                w -> w.status() == WithdrawalStatus.PROCESSING));
        holdOneAccounted();
        send("ok-1", NORMAL, "12.34", "D0", "payroll");
        send("ok-2", NORMAL, "1234.56", "D0", SCRIPT_REMARK);
        send("ok-3", NORMAL, "7.00", "D0", IMG_REMARK);
        send("ok-4", NORMAL, "8.00", "D0", FORMULA_REMARK);
        send("refund-1", PAYOUT_FAILS, "50.00", "D0", "refund me");
        send("poor-1", POOR, "99.00", "D0", "too much");
        send("silent-1", SILENT, "321.00", "D0", "no answer");
        send("silent-2", SILENT, "654.00", "D0", "no answer either");
        await().atMost(Duration.ofSeconds(90)).until(() -> List.of("ok-1", "ok-2", "ok-3", "ok-4", "refund-1", "poor-1")
                .stream().allMatch(id -> stored(id, w -> w.status().isFinal()))
                && stored("silent-1", Withdrawal::attention) && stored("silent-2", Withdrawal::attention));
        stack.orchestrator.bean(AccountRegistry.class).learn(new AccountFacts(NORMAL, AccountKind.MERCHANT,
                List.of(new KnownCard(TOKEN, "6222****2233", "00ff", "0", true, true)),
                List.of(new CashConfigEntry(IntoAcctDateType.D0, "1", Amount.parse("1.00"), "0.05", null, null, "0",
                        null), new CashConfigEntry(IntoAcctDateType.T1, "0", null, null, null, null, null, null)),
                "N"), AccountSource.QUERY, null);
        base = stack.orchestrator.server().baseUrl();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=zh-CN");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void screenshotAndSignOut() throws IOException {
        if (browser == null) {
            return;
        }
        screenshot(scenario);
        browser.manage().deleteAllCookies();
    }

    @Test
    void aWrongPasswordIsRefused(TestInfo test) {
        scenario = "wrong-password";
        signIn("finance", "not-the-password");

        assertThat(browser.getCurrentUrl()).contains("/console/login?error");
        assertThat(text("login-error")).isEqualTo("用户名或密码错误");
        browser.get(base + "/console/withdrawals");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    void aViewerSeesEverythingButNoActionAndAForgedPostIsRefused() throws Exception {
        scenario = "viewer";
        signIn("finance", "finance-secret");
        assertThat(text("identity")).isEqualTo("finance (查看)");
        browser.get(base + "/console/withdrawals/silent-2");

        assertThat(text("attention-reason")).contains("no final answer from Huifu");
        assertThat(browser.findElements(By.id("actions"))).isEmpty();
        assertThat(browser.findElements(By.tagName("button"))).extracting(button -> button.getDomAttribute("id"))
                .doesNotContain("requery", "resolve", "acknowledge");
        // the viewer's own session and a valid CSRF token, posted by hand
        HttpResponse<String> forged = post("/console/withdrawals/silent-2/requery", csrfToken());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> resolve = post("/console/withdrawals/silent-2/resolve",
                csrfToken() + "&status=FAILED&reason=forged&confirmed=true");
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(withdrawal("silent-2").status()).isEqualTo(WithdrawalStatus.REQUESTED);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndKeptInPostgres() throws Exception {
        scenario = "session";
        signIn("finance", "finance-secret");

        Cookie session = browser.manage().getCookieNamed("SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.isSecure()).as("plain HTTP in the test").isFalse();
        assertThat(stack.orchestrator.bean(JdbcClient.class)
                .sql("select count(*) from spring_session where principal_name = 'finance'").query(Long.class).single())
                .isPositive();
        assertThat(browser.getPageSource()).doesNotContain("finance-secret");
        String csp = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-inline");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        scenario = "csrf";
        signIn("desk", "desk-secret");
        browser.get(base + "/console/withdrawals/silent-2");
        assertThat(browser.findElement(By.id("requery")).isDisplayed()).isTrue();

        HttpResponse<String> noToken = post("/console/withdrawals/silent-2/requery", "");
        HttpResponse<String> wrongToken = post("/console/withdrawals/silent-2/acknowledge", "_csrf=forged&reason=x");

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(withdrawal("silent-2").attention()).isTrue();
        assertThat(stack.orchestrator.history("silent-2")).noneMatch(h -> h.evidence() != null
                && h.evidence().contains("acknowledged"));
    }

    @Test
    void searchFindsAWithdrawalByEachOfItsIds() {
        scenario = "search";
        signIn("finance", "finance-secret");
        Withdrawal ok = withdrawal("ok-1");
        assertThat(ok.hfSeqId()).as("Huifu's serial number of ok-1").isNotBlank();

        for (String id : List.of("ok-1", ok.reqSeqId(), ok.hfSeqId())) {
            search(id);
            assertThat(shownIds()).as("searched by " + id).containsExactly("ok-1");
        }
        browser.get(base + "/console/withdrawals?id=" + NORMAL + "&sort=amount&dir=asc");
        assertThat(shownIds()).as("by amount, smallest first").containsExactly("ok-3", "ok-4", "ok-1", "ok-2");
        navigate(By.linkText("金额"));
        assertThat(shownIds()).as("by amount, largest first").containsExactly("ok-2", "ok-1", "ok-4", "ok-3");
        browser.get(base + "/console/withdrawals?status=PROCESSING");
        assertThat(shownIds()).as("filtered by status").containsExactly("stuck-1");
        browser.get(base + "/console/withdrawals?status=REFUNDED");
        assertThat(shownIds()).as("filtered by status").containsExactly("refund-1");
        browser.get(base + "/console/withdrawals?status=ACCOUNTED");
        assertThat(shownIds()).as("filtered by status").singleElement().asString().startsWith("held-");
        search(NORMAL);
        assertThat(shownIds()).as("searched by huifu_id").containsExactlyInAnyOrder("ok-1", "ok-2", "ok-3", "ok-4");
        assertThat(browser.findElement(By.id("withdrawals")).getText()).contains("¥1,234.56");
        WebElement created = browser.findElement(By.cssSelector("#withdrawals .time"));
        assertThat(created.getDomAttribute("title")).endsWith("Z UTC");
        assertThat(created.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void aTimelineShowsItsTransitionsInOrder() throws IOException {
        scenario = "timeline";
        signIn("finance", "finance-secret");
        browser.get(base + "/console/withdrawals/ok-1");

        List<String> changes = browser.findElements(By.cssSelector("#timeline .change")).stream()
                .map(WebElement::getText).filter(t -> !t.equals("·")).toList();
        assertThat(changes).containsExactly("已请求", "已请求 → 处理中", "处理中 → 已入账", "已入账 → 成功");
        assertThat(text("cash-amt")).isEqualTo("¥12.34");
        assertThat(browser.findElement(By.id("fee-amt")).getText()).startsWith("¥");
        docsScreenshot("withdrawal");
        browser.get(base + "/console/withdrawals/nobody");
        assertThat(text("problem")).isEqualTo("no withdrawal nobody");
    }

    @Test
    void anOperatorResolvesAFlaggedWithdrawalAfterAFreshRequeryAndTheOutcomeIsPublished() throws IOException {
        scenario = "resolve";
        signIn("desk", "desk-secret");
        browser.get(base + "/console/attention");
        List<String> queue = shownIds();
        assertThat(queue).contains("silent-1");
        assertThat(browser.findElement(By.id("attention")).getText()).contains("no final answer from Huifu");
        docsScreenshot("attention");
        navigate(By.linkText("silent-1"));
        assertThat(browser.findElements(By.id("resolve"))).as("no resolve before a fresh re-query").isEmpty();

        navigate(By.id("requery"));
        assertThat(text("requeried")).startsWith("汇付应答");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("(asked by desk)");
        new Select(browser.findElement(By.id("resolve-status"))).selectByValue("FAILED");
        browser.findElement(By.id("resolve-reason")).sendKeys("never reached Huifu, ticket 77");
        navigate(By.id("resolve"));
        assertThat(text("confirmation")).contains("silent-1").contains("¥321.00").contains("「已请求」改为「失败」");
        navigate(By.id("confirm-resolve"));

        assertThat(text("status")).isEqualTo("失败");
        // the resolving step; queries already under way when it was resolved may still add rows after it
        WebElement resolved = browser.findElements(By.cssSelector("#timeline .step")).stream()
                .filter(step -> step.findElement(By.className("change")).getText().equals("已请求 → 失败"))
                .findFirst().orElseThrow();
        assertThat(resolved.findElement(By.className("source")).getText()).isEqualTo("OPERATOR");
        assertThat(resolved.findElement(By.className("evidence")).getText()).contains("desk").contains("ticket 77");
        stack.orchestrator.awaitOutcomes(records -> records.stream().anyMatch(r -> r.key().equals("silent-1")
                && "FAILED".equals(header(r, "status")) && r.value().contains("\"source\":\"OPERATOR\"")
                && r.value().contains("desk: never reached Huifu, ticket 77")));
        browser.findElement(By.id("acknowledge-reason")).sendKeys("resolved by hand");
        navigate(By.id("acknowledge"));
        assertThat(text("attention-reason")).isEqualTo("-");
    }

    @Test
    void injectedMarkupInRemarksRendersAsText() {
        scenario = "xss";
        signIn("finance", "finance-secret");
        for (Map.Entry<String, String> e : Map.of("ok-2", SCRIPT_REMARK, "ok-3", IMG_REMARK).entrySet()) {
            browser.get(base + "/console/withdrawals/" + e.getKey());
            assertThat(text("remark")).isEqualTo(e.getValue());
            assertThat(browser.findElements(By.cssSelector("#remark *"))).isEmpty();
            assertThat(browser.executeScript("return window.injected === undefined")).isEqualTo(true);
        }
        search(NORMAL);
        assertThat(browser.findElements(By.cssSelector("#withdrawals img"))).isEmpty();
        assertThat(browser.executeScript("return window.injected === undefined")).isEqualTo(true);
    }

    @Test
    void theCsvExportHoldsTheRowsOnScreenWithFormulasNeutralised() throws Exception {
        scenario = "csv";
        signIn("finance", "finance-secret");
        search(NORMAL);
        List<String> onScreen = shownIds();

        String csvLink = browser.findElement(By.id("export-csv")).getDomAttribute("href");
        HttpResponse<String> csv = get(csvLink);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("withdrawals.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("withdrawal_id,status,huifu_id");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .containsExactlyElementsOf(onScreen);
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void theOverviewShowsCountsChartsAndSwitchesToEnglish() throws IOException {
        scenario = "overview";
        signIn("finance", "finance-secret");
        browser.get(base + "/console");

        assertThat(browser.findElement(By.id("state-counts")).getText()).contains("成功").contains("已退票");
        assertThat(browser.findElements(By.cssSelector("canvas.chart"))).hasSize(2);
        // Chart.js (from the WebJar) ran under the CSP and drew into the canvases
        assertThat(browser.executeScript("return typeof Chart !== 'undefined' && Chart.getChart('throughput') != null"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("answer-codes")).getText()).isNotBlank();
        docsScreenshot("overview");

        navigate(By.id("lang-en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(browser.findElement(By.id("state-counts")).getText()).contains("Succeeded");
        navigate(By.id("lang-zh"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
    }

    @Test
    void anOperatorRerunsADaysReconciliationAndDownloadsItAsCsv() throws Exception {
        scenario = "reconciliation";
        String day = withdrawal("ok-1").reqDate();
        signIn("finance", "finance-secret");
        browser.get(base + "/console/reconciliation/" + day);
        assertThat(browser.findElements(By.id("rerun"))).as("a viewer cannot re-run").isEmpty();
        browser.manage().deleteAllCookies();

        signIn("desk", "desk-secret");
        browser.get(base + "/console/reconciliation/" + day);
        navigate(By.id("rerun"));

        assertThat(text("report-summary")).startsWith("核对 ");
        HttpResponse<String> csv = get(browser.findElement(By.id("reconciliation-csv")).getDomAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("withdrawal_id,huifu_id,req_seq_id").contains("ok-1," + NORMAL);
        browser.get(base + "/console/reconciliation");
        assertThat(browser.findElement(By.id("days")).getText()).contains(day);
        assertThat(browser.findElement(By.cssSelector("#days .run-by")).getText()).isEqualTo("desk");
    }

    @Test
    void anAccountShowsItsCardsByMaskedNumberAndTokenAndItsCashTypesWithFees() {
        scenario = "accounts";
        signIn("finance", "finance-secret");
        browser.get(base + "/console/accounts");
        assertThat(browser.findElement(By.id("accounts")).getText()).contains(NORMAL).contains("D0")
                .doesNotContain("T1");
        navigate(By.linkText(NORMAL));

        assertThat(browser.findElement(By.id("cards")).getText()).contains("6222****2233").contains(TOKEN);
        String cash = browser.findElement(By.id("cash-config")).getText();
        assertThat(cash).contains("D0 ✓ ¥1.00 0.05%").contains("T1 ✗");
    }

    private static void send(String id, String huifuId, String amount, String dateType, String remark) {
        String json = """
                {"withdrawal_id":"%s","huifu_id":"%s","account_kind":"MERCHANT","token_no":"%s",\
                "cash_amt":"%s","into_acct_date_type":"%s","remark":"%s"}""".formatted(id, huifuId, TOKEN, amount,
                dateType, remark.replace("\\", "\\\\").replace("\"", "\\\""));
        stack.orchestrator.sendRequest(id, json);
    }

    /** Payouts of PAYOUT_FAILS fail, SILENT answers nothing but HTTP 500, STUCK as given. */
    private static FaultSettings faults(FaultRates stuck, FaultRates held) {
        return new FaultSettings(1L, FaultRates.NONE, Map.of(
                PAYOUT_FAILS, new FaultRates(0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
                SILENT, new FaultRates(0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                STUCK, stuck,
                HELD, held));
    }

    /**
     * A T1 withdrawal debited (its 02 notice applied) while its payout waits for the next working day, after which
     * its account is silenced, so it stays ACCOUNTED. Its 01 can beat the silence (the sandbox's day passes in a
     * second): then another one is tried.
     */
    private static void holdOneAccounted() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            String id = "held-" + attempt;
            stack.control().setFaults(faults(SILENCE, FaultRates.NONE));
            send(id, HELD, "66.00", "T1", "paid on the next working day");
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(id,
                    w -> w.status() == WithdrawalStatus.ACCOUNTED || w.status().isFinal()));
            stack.control().setFaults(faults(SILENCE, SILENCE));
            // a 01 sent before the silence may still be on its way through the gateway
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
            if (stored(id, w -> w.status() == WithdrawalStatus.ACCOUNTED)) {
                return;
            }
        }
        throw new AssertionError("no T1 withdrawal stayed ACCOUNTED in five tries");
    }

    /** Whether the withdrawal is stored yet and {@code is} holds for it. */
    private static boolean stored(String id, Predicate<Withdrawal> is) {
        return stack.orchestrator.withdrawal(id).filter(is).isPresent();
    }

    private static Withdrawal withdrawal(String id) {
        return stack.orchestrator.withdrawal(id).orElseThrow(() -> new AssertionError("no withdrawal " + id));
    }

    private void signIn(String name, String password) {
        browser.get(base + "/console/login");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        navigate(By.id("sign-in"));
    }

    /**
     * Clicks what leads to another page and waits until the browser left this one and loaded the next. While the
     * page is being replaced, chromedriver may answer a question about the old element with "node does not belong to
     * the document" rather than "stale": that is asked again, not taken as a failure.
     */
    private static void navigate(By what) {
        WebElement element = browser.findElement(what);
        element.click();
        WebDriverWait wait = new WebDriverWait(browser, PAGE_WAIT);
        wait.ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(element));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState")));
    }

    private void search(String id) {
        browser.get(base + "/console/withdrawals");
        browser.findElement(By.id("search-id")).sendKeys(id);
        navigate(By.id("search-submit"));
    }

    private List<String> shownIds() {
        return browser.findElements(By.cssSelector("a.wid")).stream().map(WebElement::getText).toList();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String csrfToken() {
        return "_csrf=" + browser.findElement(By.cssSelector("input[name=_csrf]")).getDomProperty("value");
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", sessionCookie()).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie() {
        return "SESSION=" + browser.manage().getCookieNamed("SESSION").getValue();
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The README's screenshots, rewritten only when asked for: {@code -Dconsole.screenshots.docs=true}. */
    private static void docsScreenshot(String name) throws IOException {
        if (Boolean.getBoolean("console.screenshots.docs")) {
            Files.createDirectories(DOCS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
