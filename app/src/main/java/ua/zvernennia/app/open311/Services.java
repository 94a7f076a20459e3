package ua.zvernennia.app.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;

/**
 * The menu as GeoReport v2 services: every active category is a service (code: its id), and so
 * is each of its active issue types (code: {@code category.issue-type}; ids never hold a dot).
 * Every service has one attribute, the citizen's home address, which the law on citizens'
 * appeals requires and plain GeoReport v2 has no field for.
 */
final class Services {
    /** The attribute code of the citizen's home address: {@code attribute[citizen_address]} in POST requests. */
    static final String CITIZEN_ADDRESS = "citizen_address";

    /** A service: the category, and its issue type when the service is one. */
    record Service(Category category, IssueType issueType) {
        String code() {
            return issueType == null ? category.id() : category.id() + "." + issueType.id();
        }

        String name() {
            return issueType == null ? category.nameUk() : issueType.nameUk();
        }

        DeadlineClass deadlineClass() {
            return category.deadlineFor(issueType == null ? null : issueType.id());
        }

        String issueTypeId() {
            return issueType == null ? null : issueType.id();
        }
    }

    private Services() {}

    static List<Service> active(CategoryCatalog catalog) {
        var out = new ArrayList<Service>();
        for (Category c : catalog.active()) {
            out.add(new Service(c, null));
            for (IssueType t : c.activeIssueTypes()) {
                out.add(new Service(c, t));
            }
        }
        return out;
    }

    /** The active service of this code, if any. */
    static Optional<Service> find(CategoryCatalog catalog, String code) {
        return active(catalog).stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The code of an appeal filed under the category and issue type (may be null). */
    static String code(String categoryId, String issueTypeId) {
        return issueTypeId == null ? categoryId : categoryId + "." + issueTypeId;
    }

    static Map<String, Object> listed(Service s) {
        var out = new LinkedHashMap<String, Object>();
        out.put("service_code", s.code());
        out.put("service_name", s.name());
        out.put(
                "description",
                Open311Texts.get("service.description", s.name(), s.category().executor(), hours(s.deadlineClass())));
        out.put("metadata", true);
        out.put("type", "realtime");
        out.put("keywords", String.join(", ", keywords(s)));
        out.put("group", s.category().nameUk());
        return out;
    }

    private static List<String> keywords(Service s) {
        var out = new ArrayList<String>();
        out.add(s.issueType() == null ? s.category().nameEn() : s.issueType().nameEn());
        if (s.issueType() != null) {
            out.add(s.category().nameUk());
        }
        return out;
    }

    static String hours(DeadlineClass d) {
        long h = d.duration().toHours();
        return h % 24 == 0 && h >= 48
                ? Open311Texts.get("days", String.valueOf(h / 24))
                : Open311Texts.get("hours", String.valueOf(h));
    }

    static Map<String, Object> definition(Service s) {
        var attribute = new LinkedHashMap<String, Object>();
        attribute.put("variable", true);
        attribute.put("code", CITIZEN_ADDRESS);
        attribute.put("datatype", "string");
        attribute.put("required", true);
        attribute.put("datatype_description", Open311Texts.get("attribute.datatype.description"));
        attribute.put("order", 1);
        attribute.put("description", Open311Texts.get("attribute.description"));
        attribute.put("values", List.of());
        var out = new LinkedHashMap<String, Object>();
        out.put("service_code", s.code());
        out.put("attributes", List.of(attribute));
        return out;
    }
}
