package ua.zvernennia.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.app.api.Api;
import ua.zvernennia.app.api.AppealController;
import ua.zvernennia.app.api.AppealImport;
import ua.zvernennia.app.api.AppealPhotos;
import ua.zvernennia.app.api.AuditController;
import ua.zvernennia.app.api.Authenticator;
import ua.zvernennia.app.api.BackupController;
import ua.zvernennia.app.api.CategoryController;
import ua.zvernennia.app.api.CitizenController;
import ua.zvernennia.app.api.ClientAddress;
import ua.zvernennia.app.api.CouncilReportController;
import ua.zvernennia.app.api.DatabaseBackup;
import ua.zvernennia.app.api.ExecutorController;
import ua.zvernennia.app.api.MemorySignInLimits;
import ua.zvernennia.app.api.RegisterController;
import ua.zvernennia.app.api.ReportController;
import ua.zvernennia.app.api.ResolutionController;
import ua.zvernennia.app.api.SharedSignInLimits;
import ua.zvernennia.app.api.SignInLimits;
import ua.zvernennia.app.api.StatsController;
import ua.zvernennia.app.api.TokenController;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.console.AppealPages;
import ua.zvernennia.app.console.CategoryPages;
import ua.zvernennia.app.console.ChannelPages;
import ua.zvernennia.app.console.Console;
import ua.zvernennia.app.console.ConsoleRoutes;
import ua.zvernennia.app.console.CouncilReportPage;
import ua.zvernennia.app.console.ExecutorPages;
import ua.zvernennia.app.console.ImportPage;
import ua.zvernennia.app.console.MapPointPage;
import ua.zvernennia.app.console.Open311KeyPages;
import ua.zvernennia.app.console.PrivacyPages;
import ua.zvernennia.app.console.StatsPage;
import ua.zvernennia.app.console.TokenPages;
import ua.zvernennia.app.console.WorkPages;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.app.media.SharedPhotos;
import ua.zvernennia.app.open311.GeoReport;
import ua.zvernennia.app.open311.PartnerKeys;
import ua.zvernennia.app.open311.WebRegistration;
import ua.zvernennia.app.openmap.OpenMapPages;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.publicweb.PublicForm;
import ua.zvernennia.app.publicweb.WebPhotos;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.app.web.ErrorAnswers;
import ua.zvernennia.app.web.Failures;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.Resolutions;
import ua.zvernennia.core.executor.StaffNotices;
import ua.zvernennia.core.openmap.OpenStatisticsReader;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.stats.StatisticsReader;
import ua.zvernennia.storage.Database;
import ua.zvernennia.storage.Dialect;
import ua.zvernennia.storage.Storage;
import ua.zvernennia.storage.StorageFaults;

/**
 * The HTTP side wired: every controller and console page built from the storage's ports and the
 * settings, each with exactly what it uses, their routes registered, and the one handling of
 * what they throw. With {@link App}, the only code of the web side that knows the storage module.
 */
final class Endpoints implements RouteGroup {
    private final List<RouteGroup> groups;
    private final Failures failures;

    /**
     * @param register   the council's register over the storage's ports
     * @param adminToken the first admin's token: {@code ADMIN_TOKEN}, or the demo's for this run
     * @param keptPhotos where the bytes of the photos kept at receipt are
     * @param sharedPhotos the executors' photos of the work done, and their public address
     * @param webPhotos  where the web form's photos are kept
     */
    Endpoints(
            AppConfig config,
            Clock clock,
            Storage storage,
            OperatorDesk desk,
            Register register,
            Optional<String> adminToken,
            KeptPhotos keptPhotos,
            SharedPhotos sharedPhotos,
            WebPhotos webPhotos,
            Metrics metrics) {
        var zone = config.city().zone();
        var authenticator = new Authenticator(adminToken, storage.apiTokens());
        // Where instances share the database, a guess on each counts as one on all, and a console
        // session begun on one is valid on the next.
        SignInLimits signIns =
                storage.shared() ? new SharedSignInLimits(storage.signInFailures()) : new MemorySignInLimits();
        var clients = new ClientAddress(config.privacy().trustedProxies());
        var audit = new AccessLog(storage.accessLog(), clock);
        var tokens = new TokenIssuer(storage.apiTokens(), clock);
        var statistics = new StatisticsReader(storage.statistics(), clock);
        // The aggregates kept current as appeals change: the public pages and the console's charts.
        // The quarterly report, the city's official record, counts the appeals themselves.
        var aggregateStatistics = new StatisticsReader(storage.aggregateStatistics(), clock);
        var photos = new AppealPhotos(storage.appealSearch(), storage.photos(), keptPhotos, clock);
        var partnerKeys = new PartnerKeys(storage.open311(), clock, config.web().keyPerMinute());
        var webRegistration = new WebRegistration(storage.open311(), desk);
        var importer = new AppealImport(register, storage.categories());
        var wording = new CouncilReport.Wording(
                config.council().organisation(),
                config.council().receivedBy(),
                config.council().reportTitle());

        var executorDesk = new ExecutorDesk(clock, new StaffNotices(zone));

        var api = new Api(authenticator, signIns, clients, clock);
        var console = new Console(
                authenticator,
                storage.shared() ? Optional.of(storage.consoleSessions()) : Optional.empty(),
                clock,
                zone);
        this.groups = List.of(
                StartPage::register,
                api,
                new TokenController(storage.apiTokens(), tokens, clock, storage.executors()),
                new ExecutorController(storage.executors(), storage.unitOfWork(), executorDesk, clock),
                new ResolutionController(
                        storage.executors(),
                        storage.appealSearch(),
                        storage.resolutionPhotos(),
                        keptPhotos,
                        storage.unitOfWork(),
                        new Resolutions(desk, clock),
                        sharedPhotos,
                        clock),
                sharedPhotos,
                new CategoryController(storage.menuEditor(), clock),
                new AppealController(
                        storage.appealSearch(),
                        storage.categories(),
                        photos,
                        audit,
                        register,
                        storage.executors(),
                        storage.resolutionPhotos(),
                        clock,
                        zone),
                new RegisterController(register, importer),
                new StatsController(statistics, register, zone, storage.executors()),
                new CouncilReportController(register, wording),
                new ReportController(statistics, storage.executors(), zone),
                new BackupController(backup(storage.database()), clock),
                new CitizenController(storage.personalData(), audit, clock),
                new AuditController(storage.accessLog(), zone),
                new ConsoleRoutes(
                        console,
                        authenticator,
                        signIns,
                        clients,
                        clock,
                        List.of(
                                new AppealPages(
                                        console,
                                        storage.appealSearch(),
                                        storage.categories(),
                                        storage.menuEditor(),
                                        photos,
                                        audit,
                                        register,
                                        storage.executors(),
                                        executorDesk,
                                        storage.unitOfWork(),
                                        config.council().receivedAtMaxDaysBack(),
                                        clock),
                                new WorkPages(
                                        console,
                                        storage.appealSearch(),
                                        storage.executors(),
                                        executorDesk,
                                        storage.unitOfWork(),
                                        register,
                                        photos,
                                        audit,
                                        clock),
                                new ImportPage(console, importer),
                                new CategoryPages(console, storage.menuEditor(), storage.executors(), clock),
                                new ExecutorPages(console, storage.executors(), storage.apiTokens(), tokens, clock),
                                new TokenPages(console, storage.apiTokens(), tokens, clock),
                                new PrivacyPages(console, storage.accessLog(), storage.personalData(), audit, clock),
                                new Open311KeyPages(console, partnerKeys),
                                new StatsPage(
                                        console,
                                        aggregateStatistics,
                                        statistics,
                                        register,
                                        storage.executors(),
                                        clock,
                                        zone),
                                new CouncilReportPage(console, register, wording, clock),
                                new ChannelPages(console, register),
                                new MapPointPage(console, storage.mapPlaces()))),
                app -> metrics.register(app, authenticator, config.metricsToken()),
                partnerKeys,
                new GeoReport(
                        storage.categories(),
                        storage.menuEditor(),
                        storage.open311(),
                        webRegistration,
                        clock,
                        zone,
                        config.web()),
                new PublicForm(storage.categories(), webRegistration, clock, zone, config.web(), webPhotos),
                new OpenMapPages(
                        storage.openMap(),
                        new OpenStatisticsReader(aggregateStatistics, storage.openMap(), zone),
                        storage.categories(),
                        config.openMap(),
                        config.web(),
                        clients,
                        clock,
                        zone));
        this.failures = failures(api, console);
    }

    /**
     * What handlers throw, answered by the console on its own paths (with pages) and like the API
     * everywhere else; a fault of the storage is one {@link StorageFaults} recognises.
     */
    static Failures failures(ErrorAnswers api, ErrorAnswers console) {
        return new Failures(
                e -> StorageFaults.isFault(e) ? Optional.of(StorageFaults.describe(e)) : Optional.empty(),
                ctx -> console(ctx) ? console : api);
    }

    @Override
    public void routes(RoutesConfig app) {
        failures.register(app);
        groups.forEach(g -> g.routes(app));
    }

    /** The console answers for its own paths with pages; everything else is answered like the API. */
    private static boolean console(Context ctx) {
        String path = ctx.path();
        return path.equals(ConsoleRoutes.BASE) || path.startsWith(ConsoleRoutes.BASE + "/");
    }

    private static DatabaseBackup backup(Database database) {
        return new DatabaseBackup() {
            @Override
            public Optional<String> refusal() {
                return database.dialect() == Dialect.POSTGRESQL
                        ? Optional.of("the database is PostgreSQL: back it up with pg_dump")
                        : Optional.empty();
            }

            @Override
            public String extension() {
                return database.backupExtension();
            }

            @Override
            public void writeTo(Path file) {
                database.backupTo(file);
            }
        };
    }
}
