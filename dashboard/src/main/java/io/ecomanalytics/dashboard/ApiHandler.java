package io.ecomanalytics.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api/}: GET only, every parameter checked before a store is asked, every store call
 * bounded by the store timeout (503 past it), every error a JSON object {@code {"status": .., "message": ..}}.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Set<String> CUSTOMER_PARAMETERS = Set.of("segment", "learned_segment", "sort", "page");

    private final ObjectMapper mapper;
    private final StoreQueries queries;
    private final ExecutorService storeThreads;
    private final Duration storeTimeout;

    ApiHandler(ObjectMapper mapper, StoreQueries queries, ExecutorService storeThreads, Duration storeTimeout) {
        this.mapper = mapper;
        this.queries = queries;
        this.storeThreads = storeThreads;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode answer;
            int status = 200;
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    throw new ApiException(405, exchange.getRequestMethod() + " is not allowed: the API is read-only"
                            + " and answers GET only");
                }
                Callable<ObjectNode> query = route(exchange.getRequestURI().getRawPath(),
                        parameters(exchange.getRequestURI().getRawQuery()));
                answer = withinTimeout(query);
            } catch (ApiException e) {
                status = e.status();
                answer = error(status, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("The dashboard API failed on {}", exchange.getRequestURI(), e);
                status = 500;
                answer = error(status, "The request failed inside the server: " + e.getMessage());
            }
            byte[] body = mapper.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Callable<ObjectNode> route(String rawPath, Map<String, String> parameters) {
        List<String> parts = List.of(rawPath.substring("/api/".length()).split("/", -1));
        String first = parts.get(0);
        if (parts.size() == 1 && "summary".equals(first)) {
            noParameters(parameters);
            return queries::summary;
        }
        if (parts.size() == 1 && "categories".equals(first)) {
            noParameters(parameters);
            return queries::categories;
        }
        if (parts.size() == 3 && "categories".equals(first) && "products".equals(parts.get(2))) {
            noParameters(parameters);
            String categoryId = IdPattern.CATEGORY.require(decode(parts.get(1)));
            return () -> queries.productsOfCategory(categoryId);
        }
        if (parts.size() == 1 && "customers".equals(first)) {
            for (String name : parameters.keySet()) {
                if (!CUSTOMER_PARAMETERS.contains(name)) {
                    throw ApiException.badRequest("Unknown parameter '" + printable(name) + "'; /api/customers"
                            + " takes segment, learned_segment, sort and page");
                }
            }
            Optional<String> segment = present(parameters.get("segment")).map(IdPattern.RFM_SEGMENT::require);
            Optional<Integer> learned = present(parameters.get("learned_segment"))
                    .map(value -> number("learned_segment", value, 0, 999));
            CustomerOrder order = present(parameters.get("sort")).map(CustomerOrder::parse)
                    .orElse(CustomerOrder.SPEND);
            int page = present(parameters.get("page")).map(value -> number("page", value, 1, StoreQueries.LAST_PAGE))
                    .orElse(1);
            return () -> queries.customers(segment, learned, order, page);
        }
        if (parts.size() == 2 && "customers".equals(first)) {
            noParameters(parameters);
            String userId = IdPattern.USER.require(decode(parts.get(1)));
            return () -> queries.customer(userId);
        }
        if (parts.size() == 1 && "live".equals(first)) {
            noParameters(parameters);
            return queries::live;
        }
        throw ApiException.notFound("There is no API endpoint " + printable(rawPath) + "; the endpoints are"
                + " /api/summary, /api/categories, /api/categories/{category_id}/products, /api/customers,"
                + " /api/customers/{user_id} and /api/live");
    }

    /** Runs a store query on the store threads and waits at most the store timeout for it. */
    private ObjectNode withinTimeout(Callable<ObjectNode> query) {
        Future<ObjectNode> answer;
        try {
            answer = storeThreads.submit(query);
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "The dashboard is shutting down");
        }
        try {
            return answer.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ApiException(503, "The stores did not answer within " + storeTimeout.toMillis() + " ms; they"
                    + " may be down or busy. Try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new ApiException(503, "The request was interrupted while waiting for the stores");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException refused) {
                throw refused;
            }
            LOG.warn("A store query of the dashboard failed", cause);
            throw new ApiException(503, "A store could not answer: " + rootMessage(cause)
                    + ". Check that MongoDB and HBase are running.");
        }
    }

    private ObjectNode error(int status, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", status);
        node.put("message", message);
        return node;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw ApiException.badRequest("Parameter '" + printable(name) + "' is given more than once");
            }
        }
        return parameters;
    }

    private static void noParameters(Map<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw ApiException.badRequest("This endpoint takes no parameters; got "
                    + printable(String.join(", ", parameters.keySet())));
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static int number(String name, String value, int lowest, int highest) {
        if (value.matches("\\d{1,7}")) {
            int number = Integer.parseInt(value);
            if (number >= lowest && number <= highest) {
                return number;
            }
        }
        throw ApiException.badRequest("'" + name + "' must be a whole number from " + lowest + " to " + highest
                + ", not '" + printable(value) + "'");
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The request holds a malformed percent-encoding: " + printable(raw));
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
