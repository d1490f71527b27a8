package io.github.nameorigin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page at {@code /} in a real headless browser: Debian's chromium driven through
 * chromium-driver (both installed by {@code .ci/run}). Skipped only where they are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nameorigin.mode=load")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hung browser fails the test instead of the build
class PageBrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() {
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // the driver is given explicitly, so Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void typingANameAndSubmittingDrawsABarPerOriginAndTheSet() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).contains("surname");
        // labelled fields: each input is named by a label
        for (String id : List.of("names", "top", "coverage")) {
            assertThat(browser.findElements(By.cssSelector("label[for=" + id + "]"))).hasSize(1);
        }
        await().until(driver -> driver.findElement(By.id("model-version")).getText().contains("created"));

        WebElement names = browser.findElement(By.id("names"));
        names.clear();
        names.sendKeys("Nakamura");
        names.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // submitted from the keyboard

        await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-name=Nakamura] .bar"), 3));
        List<WebElement> bars = browser.findElements(By.cssSelector("[data-name=Nakamura] .bar"));
        assertThat(bars.get(0).getAttribute("data-origin")).isEqualTo("Japanese");
        double top = Double.parseDouble(bars.get(0).getAttribute("data-probability"));
        assertThat(top).isGreaterThan(0.9);
        // the bars are drawn to scale: the first fills most of its track, the others almost nothing
        int track = bars.get(0).findElement(By.xpath("..")).getSize().getWidth();
        assertThat((double) bars.get(0).getSize().getWidth() / track).isCloseTo(top, org.assertj.core.data.Offset.offset(0.02));
        assertThat(bars.get(1).getSize().getWidth()).isLessThan(bars.get(0).getSize().getWidth() / 10);
        assertThat(browser.findElements(By.cssSelector("[data-name=Nakamura] [data-set-origin]")))
                .extracting(WebElement::getText).containsExactly("Japanese");
    }

    @Test
    void aPastedListGetsOneResultEachAndAnErrorIsShownAsAnAlert() {
        browser.get("http://localhost:" + port + "/");
        WebElement names = browser.findElement(By.id("names"));
        names.clear();
        names.sendKeys("Rossi\nNguyen\nSchmidt");
        browser.findElement(By.id("predict")).click();
        await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results article"), 3));
        assertThat(browser.findElements(By.cssSelector("#results h2"))).extracting(WebElement::getText)
                .containsExactly("Rossi", "Nguyen", "Schmidt");

        names.clear();
        names.sendKeys("12345");
        browser.findElement(By.id("predict")).click();
        await().until(driver -> !driver.findElement(By.id("error")).getText().isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("no character the model knows");
    }

    @Test
    void linksToThePicturesAndSwaggerUiLead() {
        browser.get("http://localhost:" + port + "/");
        List<String> links = browser.findElements(By.cssSelector("nav a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(links).anyMatch(l -> l.endsWith("/model/evaluation/selective.svg"))
                .anyMatch(l -> l.endsWith("/swagger-ui/index.html"));
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        await().until(driver -> driver.getPageSource().contains("/predict"));
    }
}
