package dev.argus.frontend.model;

import dev.argus.frontend.security.Callers;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The model API: train now, the current model, a model version. */
@RestController
class ModelController {

    private final Models models;
    private final ModelAdoption adoption;

    ModelController(Models models, ModelAdoption adoption) {
        this.models = models;
        this.adoption = adoption;
    }

    /** An admin trains now: the model is adopted at once (ADMIN only, see the security rules). */
    @PostMapping("/api/v1/models")
    ResponseEntity<ModelView> train() {
        ModelView model = adoption.adopt(models.train().id(), Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/models/" + model.id())).body(model);
    }

    /** An admin makes a model the current one (ADMIN only). */
    @PostMapping("/api/v1/models/{id}/adopt")
    ModelView adopt(@PathVariable long id) {
        return adoption.adopt(id, Callers.current());
    }

    @GetMapping("/api/v1/models/candidate")
    ModelView candidate() {
        return models.candidate();
    }

    @GetMapping("/api/v1/models/current")
    ModelView current() {
        return models.current();
    }

    @GetMapping("/api/v1/models/{id}")
    ModelView find(@PathVariable long id) {
        return models.find(id);
    }
}
