package dev.argus.frontend.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statistics API. */
@RestController
class StatsController {

    private final Statistics statistics;

    StatsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/stats")
    StatsView stats(@RequestParam(defaultValue = "30") int days) {
        return statistics.stats(days);
    }
}
