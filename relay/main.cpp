// serambi-relay: Meta's webhooks in, Graph API calls out, the agents' hub, and admin verbs.
#include "config/channeladmin.h"
#include "config/relayconfig.h"
#include "service/doctor.h"
#include "service/kbadmin.h"
#include "service/relayservice.h"
#include "service/reportadmin.h"
#include "service/systemdnotify.h"
#include "service/teamadmin.h"
#include "service/useradmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace {

using namespace Serambi::Relay;

int signalPipe[2] = {-1, -1};

// SIGINT/SIGTERM ('q') and SIGHUP ('h') only write to a pipe; the event loop reads it.
void notifySignal(int signal)
{
    const char byte = signal == SIGHUP ? 'h' : 'q';
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGHUP: reads the configuration again and applies what a running relay can take
// (config/configreload.h). A configuration that does not load changes nothing.
void reloadConfiguration(RelayService &relay, const QString &configPath,
                         const SystemdNotify &systemd, QTextStream &out, QTextStream &err)
{
    systemd.send("RELOADING=1");
    QString error;
    const auto fresh =
        loadRelayConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!fresh) {
        err << "serambi-relay: configuration not reloaded; the relay goes on as it was: " << error
            << Qt::endl;
    } else {
        const QStringList restart = relay.reload(*fresh);
        out << "serambi-relay: configuration reloaded";
        if (!restart.isEmpty())
            out << "; restart the relay to apply: " << restart.join(QStringLiteral(", "));
        out << Qt::endl;
    }
    systemd.send("READY=1");
}

// Reads a password from a terminal without echo (asked twice), or one line from a pipe.
QString readPassword(QTextStream &err, bool *ok)
{
    QTextStream in(stdin);
    if (!isatty(STDIN_FILENO)) {
        *ok = true;
        return in.readLine();
    }
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    err << "Password: " << Qt::flush;
    const QString first = in.readLine();
    err << "\nRepeat password: " << Qt::flush;
    const QString second = in.readLine();
    err << '\n' << Qt::flush;
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    *ok = first == second;
    if (!*ok)
        err << "serambi-relay: the passwords differ\n";
    return first;
}

// doctor [--env-file PATH] [--public-url URL]: one line per check, a fix under each failure.
int runDoctorVerb(const QStringList &args, const QString &configPath, QTextStream &out,
                  QTextStream &err)
{
    DoctorOptions options;
    options.configPath = configPath;
    for (int i = 1; i < args.size(); i += 2) {
        const QString value = args.value(i + 1);
        if (args.at(i) == QLatin1String("--env-file") && !value.isEmpty()) {
            options.envFile = value;
        } else if (args.at(i) == QLatin1String("--public-url") &&
                   QUrl(value, QUrl::StrictMode).isValid() && !QUrl(value).host().isEmpty()) {
            options.publicUrl = QUrl(value);
        } else {
            err << "serambi-relay: usage: doctor [--env-file PATH] [--public-url URL]\n";
            return 2;
        }
    }
    const auto findings = runDoctor(options, QProcessEnvironment::systemEnvironment());
    bool allOk = true;
    for (const DoctorFinding &finding : findings) {
        out << (finding.ok ? "ok    " : "FAIL  ") << finding.what << '\n';
        if (!finding.ok)
            out << "      fix: " << finding.fix << '\n';
        allOk = allOk && finding.ok;
    }
    out << (allOk ? "serambi-relay: ready to go live\n"
                  : "serambi-relay: fix the lines marked FAIL, then run the doctor again\n");
    return allOk ? 0 : 1;
}

int runUserVerb(const QStringList &args, const QString &configPath, QTextStream &out,
                QTextStream &err)
{
    QString error;
    const auto config =
        loadRelayStorageConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    const QString action = args.value(1);
    const QString name = args.value(2);
    if (action == QLatin1String("list") && args.size() == 2)
        return listUsers(*config, out, err);
    if ((action == QLatin1String("disable") || action == QLatin1String("enable")) &&
        args.size() == 3)
        return setUserDisabled(*config, name, action == QLatin1String("disable"), out, err);
    if (action == QLatin1String("set-role") && args.size() == 4)
        return setUserRole(*config, name, args.at(3), out, err);
    if (action == QLatin1String("revoke") && args.size() == 3)
        return revokeUserSessions(*config, name, out, err);
    if (action == QLatin1String("passwd") && args.size() == 3) {
        bool ok = false;
        const QString password = readPassword(err, &ok);
        if (!ok)
            return 1;
        return setUserPassword(*config, name, password, out, err);
    }
    if (action != QLatin1String("add") || args.size() < 3) {
        err << "usage: serambi-relay user add NAME --role agent|supervisor|admin "
               "[--display-name NAME]\n"
               "       serambi-relay user list\n"
               "       serambi-relay user disable|enable|revoke|passwd NAME\n"
               "       serambi-relay user set-role NAME agent|supervisor|admin\n";
        return 2;
    }
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("user name"));
    parser.addOption({QStringLiteral("role"), QStringLiteral("agent, supervisor or admin"),
                      QStringLiteral("role"), QStringLiteral("agent")});
    parser.addOption({QStringLiteral("display-name"), QStringLiteral("name shown to others"),
                      QStringLiteral("name")});
    if (!parser.parse(QStringList{QStringLiteral("user-add")} + args.mid(2))) {
        err << "serambi-relay: " << parser.errorText() << '\n';
        return 2;
    }
    bool ok = false;
    const QString password = readPassword(err, &ok);
    if (!ok)
        return 1;
    return addUser(*config, parser.positionalArguments().value(0),
                   parser.value(QStringLiteral("display-name")),
                   parser.value(QStringLiteral("role")), password, out, err);
}

// channel list | add NAME --phone-number-id ID [...] | remove NAME
int runChannelVerb(const QStringList &args, const QString &configPath, QTextStream &out,
                   QTextStream &err)
{
    const QString usage =
        QStringLiteral("usage: serambi-relay --config FILE channel list\n"
                       "       serambi-relay --config FILE channel add NAME --phone-number-id ID "
                       "[--waba-id ID] [--label TEXT] [--colour #rrggbb] [--rate N]\n"
                       "       serambi-relay --config FILE channel remove NAME\n");
    const QString action = args.value(1);
    if (action == QLatin1String("list") && args.size() == 2)
        return listChannels(configPath, out, err);
    if (action == QLatin1String("remove") && args.size() == 3)
        return removeChannel(configPath, args.at(2), out, err);
    if (action != QLatin1String("add")) {
        err << usage;
        return 2;
    }
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("channel name"));
    for (const char *option : {"phone-number-id", "waba-id", "label", "colour", "rate"})
        parser.addOption({QLatin1String(option), QLatin1String(option), QStringLiteral("value")});
    bool rateOk = true;
    if (!parser.parse(QStringList{QStringLiteral("channel-add")} + args.mid(2)) ||
        parser.positionalArguments().size() != 1 ||
        !parser.isSet(QStringLiteral("phone-number-id"))) {
        err << usage;
        return 2;
    }
    ChannelAddition channel;
    channel.name = parser.positionalArguments().constFirst();
    channel.phoneNumberId = parser.value(QStringLiteral("phone-number-id"));
    channel.wabaId = parser.value(QStringLiteral("waba-id"));
    channel.label = parser.value(QStringLiteral("label"));
    channel.colour = parser.value(QStringLiteral("colour"));
    if (parser.isSet(QStringLiteral("rate")))
        channel.ratePerSecond = parser.value(QStringLiteral("rate")).toInt(&rateOk);
    if (!rateOk || (parser.isSet(QStringLiteral("rate")) && channel.ratePerSecond < 1)) {
        err << "serambi-relay: --rate must be a whole number from 1 to 1000\n";
        return 2;
    }
    return addChannel(configPath, channel, out, err);
}

int runTeamVerb(const QStringList &args, const QString &configPath, QTextStream &out,
                QTextStream &err)
{
    QString error;
    const auto config =
        loadRelayStorageConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    return runTeamAdmin(*config, args.mid(1), out, err);
}

int runKbVerb(const QStringList &args, const QString &configPath, QTextStream &out,
              QTextStream &err)
{
    const QString usage =
        QStringLiteral("usage: serambi-relay kb import PATH\n"
                       "       serambi-relay kb export DIR\n"
                       "       serambi-relay kb query [--kb PATH] [--json] MESSAGE\n"
                       "       serambi-relay kb tokens\n");
    QString error;
    const auto config =
        loadRelayStorageConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    if (args.value(1) == QLatin1String("import") && args.size() == 3)
        return importKnowledgeBase(*config, args.at(2), out, err);
    if (args.value(1) == QLatin1String("export") && args.size() == 3)
        return exportKnowledgeBase(*config, args.at(2), out, err);
    if (args.value(1) == QLatin1String("tokens") && args.size() == 2)
        return listLlmTokens(*config, out, err);
    if (args.value(1) != QLatin1String("query")) {
        err << usage;
        return 2;
    }
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("message"), QStringLiteral("customer message"));
    parser.addOption({QStringLiteral("kb"),
                      QStringLiteral("use the articles under this path, not the relay's"),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("print JSON (docs/ai.md)")});
    if (!parser.parse(QStringList{QStringLiteral("kb-query")} + args.mid(2)) ||
        parser.positionalArguments().size() != 1) {
        err << (parser.errorText().isEmpty()
                    ? usage
                    : QStringLiteral("serambi-relay: ") + parser.errorText() + QLatin1Char('\n'));
        return 2;
    }
    return queryKnowledgeBase(*config, parser.value(QStringLiteral("kb")),
                              parser.isSet(QStringLiteral("json")),
                              parser.positionalArguments().constFirst(), out, err);
}

// report --from YYYY-MM-DD --to YYYY-MM-DD [--agent NAME] [--csv]
int runReportVerb(const QStringList &args, const QString &configPath, QTextStream &out,
                  QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("from"), QStringLiteral("first day (Asia/Jakarta)"),
                      QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("last day (Asia/Jakarta)"),
                      QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("agent"), QStringLiteral("only this agent's chats"),
                      QStringLiteral("username")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("print CSV (docs/reports.md)")});
    if (!parser.parse(args) || !parser.positionalArguments().isEmpty() ||
        !parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("to"))) {
        err << "usage: serambi-relay report --from YYYY-MM-DD --to YYYY-MM-DD [--agent NAME] "
               "[--csv]\n";
        return 2;
    }
    QString error;
    const auto config =
        loadRelayStorageConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    return printReport(*config, parser.value(QStringLiteral("from")),
                       parser.value(QStringLiteral("to")), parser.value(QStringLiteral("agent")),
                       parser.isSet(QStringLiteral("csv")), out, err);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("serambi-relay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SERAMBI_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serambi relay: WhatsApp Cloud API webhooks, Graph API sends and the "
        "agents' hub.\nAdmin verbs: user add NAME --role ROLE, user list, user disable|enable|"
        "revoke|passwd NAME, user set-role NAME ROLE, team add|remove NAME, team list, team member "
        "add|remove TEAM USER, kb import PATH, kb query [--kb PATH] [--json] MESSAGE, kb tokens, "
        "doctor [--env-file PATH] [--public-url URL], channel list, channel add NAME "
        "--phone-number-id ID, channel remove NAME, report --from YYYY-MM-DD --to YYYY-MM-DD "
        "[--agent NAME] [--csv]."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("INI configuration file"),
                      QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("optional admin verb"),
                                 QStringLiteral("[user ...|team ...|kb ...|doctor ...|channel ...|"
                                                "report ...]"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);
    const QString configPath = parser.value(QStringLiteral("config"));
    const QStringList verb = parser.positionalArguments();
    if (!verb.isEmpty()) {
        if (verb.first() == QLatin1String("user"))
            return runUserVerb(verb, configPath, out, err);
        if (verb.first() == QLatin1String("team"))
            return runTeamVerb(verb, configPath, out, err);
        if (verb.first() == QLatin1String("kb"))
            return runKbVerb(verb, configPath, out, err);
        if (verb.first() == QLatin1String("channel"))
            return runChannelVerb(verb, configPath, out, err);
        if (verb.first() == QLatin1String("doctor"))
            return runDoctorVerb(verb, configPath, out, err);
        if (verb.first() == QLatin1String("report"))
            return runReportVerb(verb, configPath, out, err);
        err << "serambi-relay: unknown verb " << verb.first() << " (try --help)\n";
        return 2;
    }

    QString error;
    const auto config =
        loadRelayConfig(configPath, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    RelayService relay(*config);
    if (!relay.start(&error)) {
        err << "serambi-relay: " << error << '\n';
        return 1;
    }
    const QString listening = QStringLiteral("listening on http://%1:%2")
                                  .arg(config->listenAddress.toString())
                                  .arg(relay.port());
    out << "serambi-relay: " << listening << Qt::endl;
    // Under systemd (Type=notify): ready once listening, then the watchdog pings.
    SystemdNotify systemd(QProcessEnvironment::systemEnvironment());
    systemd.ready(listening);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &systemd, &SystemdNotify::stopping);
    // SIGINT/SIGTERM quit the event loop and the relay shuts down in order (queued writes commit
    // first); SIGHUP reloads the configuration.
    if (::pipe(signalPipe) == 0) {
        QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
        QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
            char byte = 0;
            if (::read(signalPipe[0], &byte, 1) != 1)
                return;
            if (byte == 'h')
                reloadConfiguration(relay, configPath, systemd, out, err);
            else
                QCoreApplication::quit();
        });
        std::signal(SIGINT, notifySignal);
        std::signal(SIGTERM, notifySignal);
        std::signal(SIGHUP, notifySignal);
        return app.exec();
    }
    return app.exec();
}
