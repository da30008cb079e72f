package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import tools.jackson.databind.JsonNode;

/**
 * The web UI in a real browser (headless chromium) against the three packaged jars: upload through the form,
 * live results over SSE, search, the file, probes and recent-scans pages, keyboard reach, long names and a narrow
 * screen; at the end, on a stack whose probe also runs the extraction engine, the tree of an archive's members.
 * Every page is saved as a screenshot in target/screenshots/. The tests share one scan, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiEndToEndTests {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";
    static final String EICAR_SHA1 = "3395856ce81f2b7382dee72602f798b642f14140";
    static final String EICAR_SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    static ArgusStack stack;
    static Browser browser;
    static String scanId;

    @BeforeAll
    static void startArgusAndBrowser() throws Exception {
        // small verdict rules, so that the handful of files of these tests trains a tree that splits
        stack = ArgusStack.start("webui", List.of("clamav"), "--argus.frontend.verdict.min-training-files=4",
                "--argus.frontend.verdict.min-samples-per-node=1");
        browser = Browser.start(stack.baseUrl());
        browser.logIn(ArgusStack.ADMIN_KEY);
    }

    @AfterAll
    static void stopBrowserAndArgus() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.stop();
            }
        }
    }

    @AfterEach
    void pageLoggedNoErrors() {
        if (browser == null) {
            return; // a restart of the stack failed; that test's own error says why
        }
        List<LogEntry> errors = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    /** Waits until the scan page shows its final state and checks that the scan finished. */
    private static void awaitFinalScanPage() {
        browser.find(By.cssSelector("main[data-scan-state=final]"));
        assertThat(browser.find(By.cssSelector(".scan-status .badge")).getText()).isEqualTo("finished");
    }

    @Test
    @Order(1)
    void uploadsEicarThroughTheFormAndShowsMaliciousLiveWithoutAReload() throws Exception {
        browser.open("#/");
        browser.find(By.id("engine-clamav"));
        browser.script("window.argusPageMarker = 'same page';");
        Path eicar = Files.createTempDirectory("argus-e2e-upload").resolve("eicar.com");
        Files.writeString(eicar, EICAR, StandardCharsets.US_ASCII);

        browser.find(By.id("upload-files")).sendKeys(eicar.toString());
        browser.until(d -> d.findElement(By.cssSelector(".chosen")).getText().contains("eicar.com"));
        browser.screenshot("01-upload-form");
        browser.click(By.cssSelector("form.upload-form button[type=submit]"));

        browser.until(d -> browser.route().startsWith("#/scans/"));
        scanId = browser.route().substring("#/scans/".length());
        browser.until(d -> d.findElement(By.cssSelector("tr[data-probe=clamav] td.col-category")).getText()
                .equals("malicious"));
        awaitFinalScanPage();
        assertThat(browser.script("return window.argusPageMarker")).as("no page reload").isEqualTo("same page");
        assertThat(browser.find(By.cssSelector("tr[data-probe=clamav] td.col-category .badge")).getAttribute("class"))
                .contains("badge-cat-malicious");
        assertThat(browser.find(By.cssSelector("tr[data-probe=clamav] td.col-result")).getText()).contains("Eicar");
        assertThat(browser.find(By.cssSelector("tr[data-probe=clamav] td.col-version")).getText())
                .as("engine version").matches("\\d+\\.\\d+.*");
        assertThat(browser.find(By.cssSelector(".file-card .ratio-value")).getText()).isEqualTo("1 / 1");
        assertThat(browser.find(By.cssSelector(".file-card .ratio-caption")).getText())
                .isEqualTo("engine flagged this file");
        browser.screenshot("02-scan");
    }

    @Test
    @Order(2)
    void fillsTheTableLiveWhenTheResultArrivesAfterThePageOpened() throws Exception {
        browser.open("#/");
        browser.find(By.id("engine-clamav"));
        browser.script("window.argusPageMarker = 'same page';");
        Path live = Files.createTempDirectory("argus-e2e-upload").resolve("live.com");
        Files.writeString(live, EICAR, StandardCharsets.US_ASCII);
        stack.probe.pause();
        try {
            browser.find(By.id("upload-files")).sendKeys(live.toString());
            browser.click(By.id("upload-force"));
            browser.click(By.cssSelector("form.upload-form button[type=submit]"));

            browser.until(d -> d.findElement(By.cssSelector(".live-indicator")).getText().equals("Live"));
            assertThat(browser.find(By.cssSelector("tr[data-probe=clamav] td.col-category")).getText())
                    .as("no result while the probe is paused").isEqualTo("pending");
            assertThat(browser.find(By.cssSelector(".file-card .ratio-value")).getText()).isEqualTo("0 / 1");
            browser.screenshot("03-scan-pending-live");
        } finally {
            stack.probe.resume();
        }

        browser.until(d -> d.findElement(By.cssSelector("tr[data-probe=clamav] td.col-category")).getText()
                .equals("malicious"));
        awaitFinalScanPage();
        assertThat(browser.script("return window.argusPageMarker")).as("no page reload").isEqualTo("same page");
        assertThat(browser.find(By.cssSelector(".file-card .ratio-value")).getText()).isEqualTo("1 / 1");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-probe=clamav] .badge-cached")).isEmpty())
                .as("force: scanned again, not taken from the cache").isTrue();
    }

    @Test
    @Order(3)
    void scansTwoFilesWithATagAndFindsThemByTheTag() throws Exception {
        browser.open("#/");
        browser.find(By.id("engine-clamav"));
        Path directory = Files.createTempDirectory("argus-e2e-upload");
        Path notes = Files.writeString(directory.resolve("notes.txt"), "meeting notes " + UUID.randomUUID());
        Path again = Files.writeString(directory.resolve("invoice.com"), EICAR, StandardCharsets.US_ASCII);

        browser.find(By.id("upload-files")).sendKeys(notes + "\n" + again);
        browser.find(By.id("upload-tags")).sendKeys("e2e-batch, web-ui");
        browser.click(By.cssSelector("form.upload-form button[type=submit]"));

        awaitFinalScanPage();
        assertThat(browser.driver().findElements(By.cssSelector(".file-card"))).hasSize(2);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Scan of 2 files");
        List<String> categories = browser.driver().findElements(By.cssSelector("tr[data-probe=clamav] td.col-category"))
                .stream().map(WebElement::getText).toList();
        assertThat(categories).containsExactly("undetected", "malicious");
        assertThat(browser.find(By.cssSelector("dl.meta")).getText()).contains("e2e-batch, web-ui");
        browser.screenshot("04-scan-two-files");

        browser.open("#/search?q=" + "tag:e2e-batch");
        browser.until(d -> d.findElements(By.cssSelector("a.file-link")).size() == 2);
        assertThat(browser.find(By.cssSelector(".result-count")).getText()).startsWith("2 files");
    }

    @Test
    @Order(4)
    void findsTheFileByMd5AndItsPageShowsTheHashesAndTheClamavResult() throws Exception {
        browser.open("#/probes");
        WebElement search = browser.find(By.id("header-q"));
        search.sendKeys(EICAR_MD5, Keys.ENTER);

        WebElement link = browser.find(By.cssSelector("a.file-link"));
        assertThat(browser.find(By.cssSelector(".result-count")).getText()).startsWith("1 file");
        assertThat(link.getText()).isEqualTo("eicar.com (+2 other names)");
        browser.screenshot("05-search-md5");
        link.click();

        browser.until(d -> browser.route().equals("#/files/" + EICAR_SHA256)
                && d.findElement(By.tagName("h1")).getText().equals("eicar.com"));
        String facts = browser.find(By.cssSelector("dl.facts")).getText();
        assertThat(facts).contains(EICAR_SHA256, EICAR_SHA1, EICAR_MD5, "68 B", "text/plain");
        assertThat(browser.find(By.cssSelector("tr[data-probe=clamav] td.col-category")).getText())
                .isEqualTo("malicious");
        assertThat(browser.find(By.cssSelector(".file-overview .ratio-value")).getText()).isEqualTo("1 / 1");
        assertThat(browser.find(By.cssSelector("section[aria-labelledby=scans-title]")).getText()).contains(scanId);
        browser.screenshot("06-file");
    }

    /**
     * A file name of 255 characters (the most an upload may have) without a space, its hash and the verdict's
     * explanation wrap inside the file's card at a desktop, a small desktop and a phone width: none squeezes the
     * others to a sliver, nothing makes the card or the page scroll sideways. The same for the file page's facts
     * next to its summary.
     */
    @Test
    @Order(5)
    void wrapsALongFileNameItsHashAndTheVerdictInsideTheCardAtEveryWidth() throws Exception {
        String longName = "quarterly-reports_" + "0123456789abcdef".repeat(14) + "_v2_final.com";
        assertThat(longName).as("the longest name an upload may have").hasSize(255).doesNotContain(" ");
        HttpResponse<String> submitted = stack.api.uploadStreamed(Upload.form(Map.of("probes", "clamav"))
                .file(longName, EICAR.getBytes(StandardCharsets.US_ASCII)));
        String longScan = json(submitted).get("id").asString();
        stack.api.awaitFinished(longScan, Duration.ofMinutes(2));

        try {
            for (Dimension size : List.of(Browser.DESKTOP, new Dimension(800, 900), new Dimension(390, 900))) {
                browser.resize(size);
                browser.open("#/scans/" + longScan);
                awaitFinalScanPage();
                browser.find(By.cssSelector(".file-card .verdict[data-verdict]"));
                assertThat(browser.find(By.cssSelector(".file-id h2")).getText()).isEqualTo(longName);
                assertFitsInside(size, ".file-card", List.of(".file-id h2", ".file-hash"), ".file-summary");
                browser.screenshot("18-scan-long-name-" + size.width);

                browser.open("#/files/" + EICAR_SHA256);
                browser.find(By.cssSelector(".file-overview .verdict[data-verdict]"));
                assertFitsInside(size, ".file-overview", List.of("dl.facts"), ".file-summary");
            }
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    /**
     * Asserts that each of the wide parts (CSS selectors inside the container) is at least 40% as wide as the
     * container's content box, or 90% on a narrow screen, where the parts stack; that the side part (the summary:
     * ratio and verdict) is at least 10 rem wide; that none sticks out of the container; and that neither the
     * container nor the page scrolls sideways.
     */
    private static void assertFitsInside(Dimension size, String container, List<String> wide, String side) {
        List<String> parts = new ArrayList<>(wide);
        parts.add(side);
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script("""
                const box = document.querySelector(arguments[0]);
                const style = getComputedStyle(box);
                const rect = box.getBoundingClientRect();
                const parts = {};
                for (const selector of arguments[1]) {
                  const part = box.querySelector(selector).getBoundingClientRect();
                  parts[selector] = {width: part.width, left: part.left - rect.left, right: rect.right - part.right};
                }
                return {
                  inner: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                  rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
                  scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, parts,
                  pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth};
                """, container, parts);
        double inner = ((Number) measured.get("inner")).doubleValue();
        double rem = ((Number) measured.get("rem")).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Number>> rects = (Map<String, Map<String, Number>>) measured.get("parts");
        for (String part : parts) {
            Map<String, Number> rect = rects.get(part);
            String where = part + " in " + container + " at " + size.width + " px: " + measured;
            double least = part.equals(side) ? 10 * rem : (size.width <= 720 ? 0.9 : 0.4) * inner;
            assertThat(rect.get("width").doubleValue()).as("width of " + where).isGreaterThanOrEqualTo(least);
            assertThat(rect.get("left").doubleValue()).as("left edge of " + where).isGreaterThanOrEqualTo(0);
            assertThat(rect.get("right").doubleValue()).as("right edge of " + where).isGreaterThanOrEqualTo(0);
        }
        assertThat(((Number) measured.get("scrollWidth")).intValue()).as("sideways scrolling in " + container
                + " at " + size.width + " px").isLessThanOrEqualTo(((Number) measured.get("clientWidth")).intValue());
        assertThat(measured.get("pageScrolls")).as("page scrolls sideways at " + size.width + " px").isEqualTo(false);
    }

    @Test
    @Order(6)
    void listsClamavOnlineOnTheProbesPage() throws Exception {
        browser.open("#/probes");

        WebElement row = browser.until(d -> d.findElements(By.cssSelector("table.data tbody tr")).stream()
                .filter(tr -> tr.getText().contains("clamav")).findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("online");
        assertThat(row.findElement(By.cssSelector("td.col-num")).getText()).isEqualTo("1");
        assertThat(row.getText()).contains("antivirus", "ago");
        browser.screenshot("07-probes");
    }

    @Test
    @Order(7)
    void listsTheScanAmongRecentScans() throws Exception {
        browser.open("#/");

        WebElement link = browser.find(By.cssSelector("a.scan-link[href='#/scans/" + scanId + "']"));
        assertThat(link.getText()).isEqualTo("eicar.com");
        WebElement row = link.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("finished", "1 / 1");
        browser.screenshot("08-home-recent-scans");
    }

    @Test
    @Order(8)
    void reachesTheFileInputByKeyboard() {
        browser.open("#/");
        browser.driver().navigate().refresh();
        browser.find(By.id("engine-clamav"));
        Actions keyboard = new Actions(browser.driver());

        keyboard.sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip-link");
        for (int i = 0; i < 12 && !"upload-files".equals(browser.script("return document.activeElement.id")); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.script("return document.activeElement.id")).as("the file input, by Tab")
                .isEqualTo("upload-files");
    }

    @Test
    @Order(9)
    void addsDroppedFilesToTheChosenListAndRemovesThemAgain() {
        browser.open("#/");
        WebElement dropzone = browser.find(By.cssSelector(".dropzone"));

        browser.script("const files = new DataTransfer();"
                + "files.items.add(new File(['dropped content'], 'dropped.txt', {type: 'text/plain'}));"
                + "arguments[0].dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true,"
                + " cancelable: true}));", dropzone);

        assertThat(browser.find(By.cssSelector(".chosen")).getText()).contains("dropped.txt", "15 B");
        assertThat(browser.find(By.cssSelector(".chosen-summary")).getText()).isEqualTo("1 file chosen, 15 B");
        browser.click(By.cssSelector("button[aria-label='Remove dropped.txt']"));
        assertThat(browser.driver().findElements(By.cssSelector(".chosen li"))).isEmpty();
        assertThat(browser.script("return document.activeElement.id")).as("focus back on the file input")
                .isEqualTo("upload-files");
    }

    @Test
    @Order(10)
    void stacksTheResultsTableOnANarrowScreen() throws Exception {
        browser.resize(new Dimension(400, 900));
        try {
            browser.open("#/scans/" + scanId);
            awaitFinalScanPage();
            WebElement cell = browser.find(By.cssSelector("tr[data-probe=clamav] td.col-category"));
            assertThat(cell.getText()).isEqualTo("malicious");
            assertThat(cell.getCssValue("display")).as("table cells become label/value rows").isEqualTo("grid");
            assertThat(browser.scrollsSideways()).as("no horizontal scrolling").isFalse();
            browser.screenshot("09-scan-narrow");

            browser.open("#/");
            browser.find(By.cssSelector("a.scan-link"));
            assertThat(browser.scrollsSideways()).as("no horizontal scrolling").isFalse();
            browser.screenshot("10-home-narrow");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    @Test
    @Order(11)
    void followsTheSystemDarkMode() throws Exception {
        browser.emulateDarkMode(true);
        try {
            browser.open("#/scans/" + scanId);
            awaitFinalScanPage();
            assertThat(browser.script("return getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo("rgb(15, 20, 32)");
            browser.screenshot("11-scan-dark");
        } finally {
            browser.emulateDarkMode(false);
        }
    }

    @Test
    @Order(12)
    void showsTheApiProblemForAnUnknownScan() throws Exception {
        String unknown = UUID.randomUUID().toString();
        browser.open("#/scans/" + unknown);

        browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("Scan not found"));
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("Scan not found", unknown);
        browser.screenshot("12-scan-not-found");
        assertThat(browser.console()).as("only the failed request itself is logged")
                .allSatisfy(entry -> assertThat(entry.getMessage()).contains("/api/v1/scans/" + unknown, "404"));
    }

    @Test
    @Order(13)
    void labelsOnTheFilePageTrainsOnTheModelPageAndShowsTheTreeTheRankingAndTheVerdict() throws Exception {
        Multipart clean = Upload.form(Map.of("probes", "clamav"));
        for (int i = 0; i < 3; i++) {
            clean.file("clean-" + i + ".bin", Upload.randomBytes(512, 1000 + i));
        }
        HttpResponse<String> submitted = stack.api.uploadStreamed(clean);
        JsonNode cleanScan = stack.api.awaitFinished(json(submitted).get("id").asString(), Duration.ofMinutes(2));
        StringBuilder csv = new StringBuilder("sha256,label,source\n");
        cleanScan.get("files").forEach(file -> csv.append(file.get("sha256").asString()).append(",benign,e2e\n"));
        // a malicious file clamav misses: the truth, not an engine, says what a file is
        csv.append(cleanScan.get("files").get(0).get("sha256").asString()).append(",malicious,e2e\n");
        assertThat(json(stack.api.send("POST", "/api/v1/labels", "text/csv", csv.toString()))
                .get("imported").asInt()).isEqualTo(4);
        JsonNode batch = json(stack.api.get("/api/v1/files?query=tag:e2e-batch"));
        batch.get("items").forEach(file -> {
            if (!file.get("sha256").asString().equals(EICAR_SHA256)) {
                assertThat(send("PUT", "/api/v1/files/" + file.get("sha256").asString() + "/label",
                        "{\"label\":\"benign\"}")).isEqualTo(200);
            }
        });

        browser.open("#/scans/" + scanId);
        awaitFinalScanPage();
        WebElement threshold = browser.find(By.cssSelector(".file-card .verdict"));
        assertThat(threshold.getAttribute("data-verdict")).isEqualTo("malicious");
        assertThat(threshold.getText()).contains("detection threshold", "clamav=malicious");

        browser.open("#/files/" + EICAR_SHA256);
        browser.until(d -> d.findElement(By.cssSelector("section[aria-labelledby=label-title]")).getText()
                .contains("Not labelled"));
        browser.find(By.id("label-source")).sendKeys("EICAR test file");
        browser.click(By.xpath("//button[text()='Label malicious']"));
        browser.until(d -> d.findElement(By.cssSelector("section[aria-labelledby=label-title]")).getText()
                .contains("Labelled malicious (EICAR test file)"));
        browser.screenshot("13-file-labelled");

        browser.open("#/models");
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains("No model is current yet"));
        assertThat(browser.console()).as("only the 404s of the current and the candidate model: neither exists yet")
                .allSatisfy(entry -> assertThat(entry.getMessage()).contains("404")
                        .containsAnyOf("/api/v1/models/current", "/api/v1/models/candidate"));
        browser.click(By.xpath("//button[text()='Train now']"));
        WebElement root = browser.find(By.cssSelector("svg.tree g.tree-split[data-probe=clamav]"));
        assertThat(root.getText()).contains("clamav");
        assertThat(browser.driver().findElements(By.cssSelector("svg.tree g.tree-leaf"))).hasSizeGreaterThanOrEqualTo(2);
        List<WebElement> ranking = browser.driver().findElements(By.cssSelector("table.ranking tbody tr"));
        assertThat(ranking).hasSize(1);
        assertThat(ranking.getFirst().getText()).contains("clamav").endsWith("0");
        assertThat(browser.driver().findElements(By.cssSelector("table.evaluation tbody tr"))).hasSize(5);
        browser.screenshot("14-model");

        browser.open("#/scans/" + scanId);
        awaitFinalScanPage();
        WebElement verdict = browser.find(By.cssSelector(".file-card .verdict"));
        assertThat(verdict.getText()).contains("decision tree (model 1)", "clamav=malicious");
        browser.screenshot("15-scan-verdict");

        browser.open("#/stats");
        WebElement engines = browser.find(By.cssSelector("section[aria-labelledby=engines-title] tbody"));
        assertThat(engines.getText()).contains("clamav");
        assertThat(browser.driver().findElements(By.cssSelector(".bars li"))).hasSize(4);
        browser.screenshot("16-stats");
    }

    private static int send(String method, String path, String json) {
        try {
            return stack.api.send(method, path, "application/json", json).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(14)
    void logsOutRefusesAWrongKeyAndLogsInAgain() throws Exception {
        browser.open("#/");
        browser.click(By.id("logout"));
        browser.until(d -> d.getCurrentUrl().endsWith("/login.html"));

        browser.find(By.id("key")).sendKeys("argus_not-a-key-of-this-server");
        browser.click(By.cssSelector("#login-form button[type=submit]"));
        browser.until(d -> d.findElement(By.id("login-error")).isDisplayed());
        assertThat(browser.find(By.id("login-error")).getText()).contains("unknown or revoked");
        browser.screenshot("17-login-refused");
        assertThat(browser.console()).as("the only error logged is the refused login")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .singleElement().satisfies(entry -> assertThat(entry.getMessage()).contains("/login", "401"));

        browser.logIn(ArgusStack.ADMIN_KEY);
        browser.open("#/probes");
        browser.until(d -> d.findElements(By.cssSelector("table.data tbody tr")).stream()
                .anyMatch(tr -> tr.getText().contains("clamav")));
    }

    /**
     * An archive through the form on a stack whose probe also runs the extraction engine: outer.zip holding
     * docs/inner.zip holding payload.com (EICAR) is shown as a tree of three nested nodes, the upload's verdict
     * malicious with the path to payload.com, and a node's toggle hides and shows what is inside it. The file
     * pages link a member to its archive and back.
     */
    @Test
    @Order(15)
    void showsWhatWasFoundInsideAnArchiveAsACollapsibleTree() throws Exception {
        restartWithEngines("webui-tree", List.of("clamav", "extract"));
        byte[] inner = zip("payload.com", EICAR.getBytes(StandardCharsets.US_ASCII));
        Path outer = Files.write(Files.createTempDirectory("argus-e2e-upload").resolve("outer.zip"),
                zip("docs/inner.zip", inner));

        browser.open("#/");
        browser.find(By.id("engine-extract"));
        browser.find(By.id("upload-files")).sendKeys(outer.toString());
        browser.find(By.id("upload-passwords")).sendKeys("not-needed-here");
        browser.click(By.cssSelector("form.upload-form button[type=submit]"));
        browser.until(d -> browser.route().startsWith("#/scans/"));
        awaitFinalScanPage();
        assertThat(browser.find(By.tagName("main")).getText()).as("a password is never shown")
                .doesNotContain("not-needed-here");

        List<WebElement> nodes = browser.until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("[data-node]"));
            return all.size() == 3 ? all : null;
        });
        WebElement root = browser.find(By.cssSelector(".file-card[data-depth='0']"));
        assertThat(nodes.getFirst()).isEqualTo(root);
        WebElement archive = root.findElement(By.cssSelector(".tree-node[data-depth='1']"));
        WebElement payload = archive.findElement(By.cssSelector(".tree-node[data-depth='2']"));
        assertThat(root.findElement(By.cssSelector(".file-id h2")).getText()).isEqualTo("outer.zip");
        assertThat(archive.findElement(By.cssSelector(".tree-name")).getText()).isEqualTo("docs/inner.zip");
        assertThat(payload.findElement(By.cssSelector(".tree-name")).getText()).isEqualTo("payload.com");
        assertThat(root.findElement(By.cssSelector(".file-extraction [data-extraction]")).getText())
                .isEqualTo("extracted · 1 member");
        assertThat(archive.findElement(By.cssSelector(".tree-status [data-extraction]")).getText())
                .isEqualTo("extracted · 1 member");

        WebElement verdict = root.findElement(By.cssSelector(".file-head .verdict"));
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("malicious");
        assertThat(verdict.findElement(By.cssSelector(".verdict-cause")).getText())
                .startsWith("outer.zip › docs/inner.zip › payload.com: clamav ");
        assertThat(payload.findElement(By.cssSelector(".tree-verdict-badge")).getAttribute("data-verdict"))
                .isEqualTo("malicious");
        WebElement payloadResults = payload.findElement(By.cssSelector("details.tree-results"));
        assertThat(payloadResults.getAttribute("open")).as("a member's engine table starts closed").isNull();
        payloadResults.findElement(By.tagName("summary")).click();
        assertThat(payload.findElement(By.cssSelector("tr[data-probe=clamav] td.col-category")).getText())
                .isEqualTo("malicious");
        assertThat(archive.findElement(By.cssSelector(".tree-verdict-badge")).getAttribute("data-verdict"))
                .as("a container is at least as bad as what it holds").isEqualTo("malicious");
        browser.screenshot("19-scan-archive-tree");
        browser.resize(new Dimension(390, 900));
        try {
            assertThat(browser.scrollsSideways()).as("the tree fits a narrow screen").isFalse();
            browser.screenshot("19-scan-archive-tree-narrow");
        } finally {
            browser.resize(Browser.DESKTOP);
        }

        WebElement archiveToggle = archive.findElement(By.cssSelector(".tree-row > .tree-toggle"));
        assertThat(archiveToggle.getAttribute("aria-expanded")).isEqualTo("true");
        archiveToggle.click();
        assertThat(archiveToggle.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(payload.isDisplayed()).as("collapsing docs/inner.zip hides payload.com").isFalse();
        assertThat(archive.isDisplayed()).isTrue();
        archiveToggle.sendKeys(Keys.ENTER);
        assertThat(payload.isDisplayed()).as("Enter on the toggle expands it again").isTrue();
        WebElement rootToggle = root.findElement(By.cssSelector(".tree-toggle-root"));
        assertThat(rootToggle.getText()).isEqualTo("2 files found inside");
        rootToggle.click();
        assertThat(archive.isDisplayed()).as("collapsing outer.zip hides everything inside").isFalse();
        assertThat(payload.isDisplayed()).isFalse();
        browser.screenshot("20-scan-archive-tree-collapsed");
        rootToggle.click();
        assertThat(payload.isDisplayed()).isTrue();

        payload.findElement(By.cssSelector(".tree-name")).click();
        browser.until(d -> browser.route().equals("#/files/" + EICAR_SHA256));
        WebElement foundIn = browser.find(By.cssSelector(".member-parents"));
        assertThat(foundIn.getText()).contains("Found inside (1 archive)", "payload.com in ");
        foundIn.findElement(By.cssSelector("a.member-link")).click();
        WebElement contents = browser.until(d -> d.findElement(By.cssSelector(".member-children")));
        assertThat(contents.getText()).contains("Contents (1 file)", "payload.com");
        assertThat(browser.find(By.cssSelector(".member-parents")).getText()).contains("docs/inner.zip in ");
        browser.screenshot("21-file-archive-members");
    }

    /** Member paths are data: a path climbing out and a right-to-left override show as inert, visible text. */
    @Test
    @Order(16)
    void showsHostileMemberPathsAsVisibleText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("docs/../../evil.exe", "a\u202Egpj.exe")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("member " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        HttpResponse<String> submitted = stack.api.uploadStreamed(Upload.form(Map.of("probes", "clamav,extract"))
                .file("names.zip", bytes.toByteArray()));
        String hostileScan = json(submitted).get("id").asString();
        stack.api.awaitFinished(hostileScan, Duration.ofMinutes(2));

        browser.open("#/scans/" + hostileScan);
        awaitFinalScanPage();
        List<String> paths = browser.until(d -> {
            List<String> shown = d.findElements(By.cssSelector(".tree-node .tree-name")).stream()
                    .map(WebElement::getText).toList();
            return shown.size() == 2 ? shown : null;
        });
        assertThat(paths).containsExactlyInAnyOrder("docs/../../evil.exe", "aU+202Egpj.exe");
        assertThat(browser.driver().findElements(By.cssSelector(".tree-name .escaped-char"))).singleElement()
                .satisfies(mark -> assertThat(mark.getText()).isEqualTo("U+202E"));
        assertThat(browser.script("return document.querySelector('main').textContent.includes('\\u202E')"))
                .as("no override character acts on the page").isEqualTo(false);
    }

    /**
     * The users page: an admin creates a user (its first key shown once), makes it a READER and disables it, each
     * change read back from the API.
     */
    @Test
    @Order(17)
    void managesAUserFromTheUsersPage() throws Exception {
        String username = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("#/admin/users");
        browser.find(By.id("new-username")).sendKeys(username);
        browser.click(By.xpath("//button[text()='Create user']"));
        // the page creates the user, then its first key, redrawing the list after each; the key is shown last
        browser.until(d -> d.findElement(By.cssSelector(".key-secret")).getText().contains("first key"));
        assertThat(user(username)).isNotNull();

        browser.select(By.cssSelector("select[aria-label='Role of " + username + "']"), "READER");
        browser.until(d -> "READER".equals(user(username).path("role").asString()));
        browser.click(By.xpath("//tr[.//code[text()='" + username + "']]//button[text()='Disable']"));
        browser.until(d -> !user(username).path("enabled").asBoolean());
        browser.find(By.xpath("//tr[.//code[text()='" + username + "']]//button[text()='Enable']"));
        browser.screenshot("30-admin-users");
    }

    /**
     * The overrides page: allow-listing EICAR (found in test 15's archive) turns its verdict clean on the file page,
     * which says who and why; lifting the override makes it malicious again.
     */
    @Test
    @Order(18)
    void allowListsAFileFromTheOverridesPageAndTheVerdictSaysWhy() throws Exception {
        browser.open("#/admin/overrides");
        browser.select(By.id("override-action"), "allow");
        browser.find(By.id("override-sha256")).sendKeys(EICAR_SHA256);
        browser.find(By.id("override-reason")).sendKeys("e2e: the EICAR test file");
        browser.click(By.xpath("//button[text()='Set override']"));
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains(EICAR_SHA256));
        browser.screenshot("31-admin-overrides");

        browser.open("#/files/" + EICAR_SHA256);
        WebElement verdict = browser.until(d -> {
            WebElement shown = d.findElement(By.cssSelector(".file-overview .verdict[data-verdict]"));
            return "clean".equals(shown.getAttribute("data-verdict")) ? shown : null;
        });
        assertThat(verdict.getText()).contains("allow-listed by", "e2e: the EICAR test file");

        browser.open("#/admin/overrides");
        browser.click(By.xpath("//button[text()='Lift']"));
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains("No override is in force."));
        assertThat(json(stack.api.get("/api/v1/files/" + EICAR_SHA256)).path("verdict").path("label").asString())
                .isEqualTo("malicious");
    }

    /** The retention page: the settings in force, and a legal hold placed and lifted. */
    @Test
    @Order(19)
    void placesAndLiftsALegalHoldFromTheRetentionPage() throws Exception {
        browser.open("#/admin/retention");
        browser.find(By.id("retention-settings"));
        browser.find(By.id("hold-hash")).sendKeys(EICAR_SHA256);
        browser.find(By.id("hold-reason")).sendKeys("case 2026-17");
        browser.click(By.xpath("//button[text()='Place hold']"));
        browser.until(d -> d.findElement(By.tagName("main")).getText().contains("case 2026-17"));
        assertThat(stack.api.get("/api/v1/admin/legal-holds").body()).contains(EICAR_SHA256);
        browser.screenshot("32-admin-retention");

        browser.click(By.xpath("//button[text()='Lift']"));
        browser.until(d -> !stack.api.get("/api/v1/admin/legal-holds").body().contains(EICAR_SHA256));
    }

    /** The audit log page lists what the admin did on the pages above. */
    @Test
    @Order(20)
    void showsTheAdminActionsInTheAuditLog() throws Exception {
        browser.open("#/admin/audit");
        browser.until(d -> {
            String text = d.findElement(By.tagName("main")).getText();
            return List.of("user-created", "user-role-changed", "user-disabled", "override-set", "override-lifted",
                    "legal-hold-placed", "legal-hold-lifted").stream().allMatch(text::contains);
        });
        browser.screenshot("33-admin-audit");
    }

    /** The user of that name as GET /api/v1/users lists it, or null. */
    private static JsonNode user(String username) {
        for (JsonNode each : json(stack.api.get("/api/v1/users"))) {
            if (each.path("username").asString().equals(username)) {
                return each;
            }
        }
        return null;
    }

    /** Stops the browser and the stack, and starts them again with the probe running these engines. */
    private static void restartWithEngines(String name, List<String> engines) throws Exception {
        browser.quit();
        browser = null;
        stack.stop();
        stack = null;
        stack = ArgusStack.start(name, engines);
        browser = Browser.start(stack.baseUrl());
        browser.logIn(ArgusStack.ADMIN_KEY);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
