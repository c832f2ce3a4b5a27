package dev.trailhound.web.principals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.baseline.BaselineView;
import dev.trailhound.store.account.Account;
import dev.trailhound.store.account.AccountStore;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.ApiRoutes;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Permission;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A principal's anomaly baseline: whether it is still learning (no anomaly is raised for it yet) and what it holds,
 * the habits an unusual session is judged against. The id may be an ARN with slashes, so the route takes the rest of
 * the path.
 */
public final class PrincipalsApi implements ApiModule {
    private final PrincipalBaselines baselines;
    private final AccountStore accounts;

    public PrincipalsApi(PrincipalBaselines baselines, AccountStore accounts) {
        this.baselines = baselines;
        this.accounts = accounts;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/principals/<id>", this::one, Permission.READ);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id").trim();
        if (id.isEmpty() || id.length() > 2048) {
            throw ApiProblem.badRequest("id", "give a principal: an ARN, a baseline key or a user name");
        }
        BaselineView view;
        try {
            view = baselines.find(id).orElseThrow(() -> ApiProblem.notFound("no baseline for '" + id + "': an identity has"
                    + " one from its first event (AWS services and service-linked roles have none); try its ARN or user name"));
        } catch (TimeoutException e) {
            throw new ApiProblem(503, null, "detection is busy and did not answer in time; try again in a moment");
        }
        ObjectNode json = Json.object();
        json.put("key", view.key());
        json.put("name", view.name());
        json.put("accountId", view.accountId());
        json.put("accountName", accounts.list().stream().filter(a -> a.accountId().equals(view.accountId())).findFirst()
                .map(Account::name).orElse(null));
        json.put("workload", view.workload());
        json.put("firstSeen", view.firstSeen().toString());
        json.put("lastSeen", view.lastSeen().toString());
        json.put("events", view.events());
        json.put("failures", view.failures());
        ObjectNode learning = json.putObject("learning");
        learning.put("learning", view.state().learning());
        learning.put("daysObserved", view.state().daysObserved());
        learning.put("learningDays", view.state().learningDays());
        learning.put("summary", view.state().toString());
        ObjectNode habits = json.putObject("habits");
        for (Map.Entry<String, BaselineView.Habit> e : view.habits().entrySet()) {
            ObjectNode habit = habits.putObject(e.getKey());
            habit.put("distinct", e.getValue().distinct());
            ArrayNode top = habit.putArray("top");
            for (BaselineView.Seen seen : e.getValue().top()) {
                ObjectNode item = top.addObject();
                item.put("value", seen.value());
                item.put("count", seen.count());
                item.put("firstSeen", seen.first().toString());
                item.put("lastSeen", seen.last().toString());
            }
        }
        ArrayNode hours = json.putArray("hourOfDay");
        view.hourOfDay().forEach(hours::add);
        Json.send(ctx, 200, json);
    }
}
