package io.ecomanalytics.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages and their scripts, from this module's resources, and ECharts from its WebJar: a fixed list of paths, so
 * nothing outside it can be read. Everything is loaded into memory once.
 */
final class PageHandler implements HttpHandler {
    private static final String PAGES = "/io/ecomanalytics/dashboard/pages/";
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String HTML = "text/html; charset=utf-8";

    private final ObjectMapper mapper;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    PageHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        add("/", PAGES + "index.html", HTML);
        for (String page : new String[] {"index", "category", "segments", "customer", "live"}) {
            add("/" + page + ".html", PAGES + page + ".html", HTML);
        }
        add("/assets/dashboard.js", PAGES + "dashboard.js", "text/javascript; charset=utf-8");
        add("/assets/dashboard.css", PAGES + "dashboard.css", "text/css; charset=utf-8");
        add("/assets/icon.svg", PAGES + "icon.svg", "image/svg+xml");
        add("/assets/echarts.min.js", ECHARTS, "text/javascript; charset=utf-8");
    }

    private void add(String path, String resource, String contentType) {
        try (InputStream input = PageHandler.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("Resource " + resource + " is missing from the class path; the"
                        + " dashboard jar (and the ECharts WebJar, org.webjars.npm:echarts:5.3.1) must be on it");
            }
            resources.put(path, new Resource(input.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + resource, e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Resource resource = resources.get(path);
            int status = 200;
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                status = 405;
                resource = error(status, exchange.getRequestMethod() + " is not allowed: the dashboard is read-only");
            } else if (resource == null) {
                status = 404;
                resource = error(status, "There is no page " + path.replaceAll("\\p{Cntrl}", "?")
                        + "; start at /");
            }
            exchange.getResponseHeaders().set("Content-Type", resource.contentType());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self'"
                    + " 'unsafe-inline'");
            exchange.sendResponseHeaders(status, resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.body());
            }
        }
    }

    private Resource error(int status, String message) throws IOException {
        return new Resource(mapper.writeValueAsBytes(mapper.createObjectNode().put("status", status)
                .put("message", message)), "application/json; charset=utf-8");
    }

    private record Resource(byte[] body, String contentType) {
    }
}
