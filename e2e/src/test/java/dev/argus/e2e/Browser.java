package dev.argus.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded; the browser starts with a fresh profile and without
 * background networking. Screenshots go to e2e/target/screenshots/.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir"), "target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    static Browser start(String baseUrl) throws IOException {
        for (String executable : List.of(TestEnvironment.CHROMIUM, TestEnvironment.CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException(executable + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/services.sh does)");
            }
        }
        Path profile = Files.createTempDirectory("argus-e2e-chromium");
        Path logs = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "e2e-logs"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TestEnvironment.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(TestEnvironment.CHROMEDRIVER).toFile())
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, profile, baseUrl);
    }

    WebDriver driver() {
        return driver;
    }

    /** Logs in on the login page with the API key and waits for the web UI to open. */
    void logIn(String apiKey) {
        driver.get(baseUrl + "/login.html");
        find(By.id("key")).sendKeys(apiKey);
        click(By.cssSelector("#login-form button[type=submit]"));
        until(d -> !d.getCurrentUrl().contains("login"));
    }

    /** Opens a route of the single-page app, e.g. "#/probes". */
    void open(String route) {
        driver.get(baseUrl + "/" + route);
    }

    String route() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash);
    }

    WebElement find(By by) {
        return until(d -> d.findElement(by));
    }

    /**
     * Clicks the element as soon as it is there, finding it again when the page re-rendered it between the look-up
     * and the click (the admin pages redraw their tables after every change).
     */
    void click(By by) {
        until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** Chooses the option of that value in the select element, finding it again when the page re-rendered it. */
    void select(By by, String value) {
        until(d -> {
            new Select(d.findElement(by)).selectByValue(value);
            return true;
        });
    }

    /** Waits (up to 60 s) until the condition is non-null and not false; Selenium's own polling wait. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Saves the whole page, beyond the viewport (Chrome DevTools' Page.captureScreenshot through chromedriver,
     * no DevTools client needed), as target/screenshots/NAME.png.
     */
    Path screenshot(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) script("return {width: window.innerWidth,"
                + " height: Math.min(6000, document.documentElement.scrollHeight)}");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** Makes the page see prefers-color-scheme: dark (or the default again). */
    void emulateDarkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : ""))));
    }

    /** The browser console since the last call: JavaScript errors, failed requests, CSP violations. */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    void quit() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** True when the page is wider than the window, i.e. the user would have to scroll sideways. */
    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }
}
