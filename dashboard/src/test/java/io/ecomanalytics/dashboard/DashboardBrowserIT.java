package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in real headless Chromium, driven by Selenium through the Debian {@code chromedriver} (never a
 * downloaded one): each page loads with no console error and draws its ECharts SVG with as many bars or points as
 * the dataset's JSON says; the drill-downs lead from a category to a product and from the customer list to a
 * customer. Skipped, with the reason, where Chromium or its driver is not installed.
 */
@ExtendWith(ServedStores.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    /** How ECharts' SVG renderer writes the dashboard's bar colour and its first line colour. */
    private static final String BARS = "path[fill='#4c72b0']";
    private static final String POINTS = "path[fill='#dd8452']";

    private ServedStores stores;
    private URI root;
    private JsonFigures expected;
    private ChromeDriver browser;

    @BeforeAll
    void start(ServedStores servedStores) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium or its driver is"
                + " not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "), so the dashboard cannot be opened in a"
                + " browser; install them with `apt-get install -y chromium chromium-driver` (.ci/run does) to run"
                + " this test");
        stores = servedStores;
        root = servedStores.address();
        expected = JsonFigures.of(servedStores.dataset());
        stores.plantLiveMetrics();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("browser console errors and warnings").isEmpty();
    }

    /** Opens a page and waits (with a deadline) until its script has drawn it. */
    private void open(String path) {
        browser.get(root.resolve(path).toString());
        awaitLoaded();
    }

    private void awaitLoaded() {
        new WebDriverWait(browser, PAGE_LOAD).until(driver -> {
            String loaded = driver.findElement(By.tagName("body")).getAttribute("data-loaded");
            return loaded != null;
        });
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded"))
                .as("page state; status line: %s", browser.findElement(By.id("status")).getText()).isEqualTo("true");
    }

    private int count(String chartId, String selector) {
        return browser.findElements(By.cssSelector("#" + chartId + " svg " + selector)).size();
    }

    @Test
    void overviewShowsTheHeadlineAndOneBarPerCategoryAndOnePointPerDay() {
        open("");

        String headline = browser.findElement(By.id("headline")).getText();
        assertThat(headline).contains("Orders\n" + expected.transactions.size())
                .contains("Sessions\n" + expected.sessions.size());
        assertThat(count("revenue-by-category", BARS)).isEqualTo(expected.categorySales.size());
        assertThat(count("revenue-by-day", POINTS)).isEqualTo(expected.revenueByDay.size());
    }

    @Test
    void aCategoryLeadsToItsProductsAndAProductToItsFigures() {
        open("");
        String categoryId = expected.categories.keySet().iterator().next();
        String name = expected.categories.get(categoryId).get("name").asText();
        browser.findElement(By.linkText(name)).click();
        awaitLoaded();

        assertThat(browser.getCurrentUrl()).endsWith("/category.html?id=" + categoryId);
        List<String> productIds = expected.products.values().stream()
                .filter(product -> product.get("category_id").asText().equals(categoryId))
                .map(product -> product.get("product_id").asText()).toList();
        assertThat(count("product-revenue", BARS)).isEqualTo(productIds.size());
        assertThat(browser.findElements(By.cssSelector("#products tbody tr"))).hasSize(productIds.size());

        String productId = productIds.get(0);
        browser.findElement(By.linkText(productId)).click();
        WebElement detail = browser.findElement(By.id("product-detail"));
        assertThat(detail.isDisplayed()).isTrue();
        JsonFigures.Totals sales = expected.productSales.getOrDefault(productId, new JsonFigures.Totals());
        assertThat(detail.getText()).contains(productId + " " + expected.products.get(productId).get("name").asText())
                .contains("Orders\n" + sales.orders).contains("Quantity\n" + sales.quantity)
                .contains("Views\n" + expected.productActivity.getOrDefault(productId, new long[2])[0])
                .contains("Carts\n" + expected.productActivity.getOrDefault(productId, new long[2])[1]);
    }

    @Test
    void theCustomerListLeadsToACustomerWithOnePointPerOrder() {
        open("segments.html");
        assertThat(count("segment-sizes", BARS)).isEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("#customers tbody tr")))
                .hasSize(Math.min(50, expected.customerSpend.size()));

        String busiest = expected.busiestCustomer();
        browser.findElement(By.linkText(busiest)).click();
        awaitLoaded();

        assertThat(browser.getCurrentUrl()).endsWith("/customer.html?id=" + busiest);
        int orders = (int) expected.customerSpend.get(busiest).orders;
        assertThat(count("order-totals", POINTS)).isEqualTo(orders);
        assertThat(browser.findElements(By.cssSelector("#orders tbody tr"))).hasSize(orders);
        int sessions = expected.sessionsByUser().getOrDefault(busiest, List.of()).size();
        assertThat(browser.findElements(By.cssSelector("#sessions tbody tr"))).hasSize(sessions);
        assertThat(browser.findElement(By.id("sessions-shown")).getText()).isEqualTo("all " + sessions);
    }

    @Test
    void aSegmentListsOnlyItsCustomers() {
        open("segments.html?segment=champions&sort=clv");

        assertThat(browser.findElements(By.cssSelector("#customers tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList()).containsExactly("user_000002", "user_000003");
    }

    @Test
    void livePageDrawsEveryMetricOverThePlantedWindows() {
        open("live.html");

        // One series per metric, in the page's colour order; each draws a point per window plus its legend marker.
        for (String colour : List.of("#dd8452", "#55a868", "#c44e52", "#8172b3")) {
            assertThat(count("live-chart", "path[fill='" + colour + "']")).as(colour)
                    .isEqualTo(ServedStores.LIVE_WINDOWS + 1);
        }
        Map<String, Long> rows = browser.findElements(By.cssSelector("#live tbody tr td:first-child")).stream()
                .collect(Collectors.groupingBy(WebElement::getText, Collectors.counting()));
        assertThat(rows).containsOnly(Map.entry("active_users", 3L), Map.entry("conversion_rate", 3L),
                Map.entry("orders", 3L), Map.entry("revenue_by_category", 6L));
    }
}
