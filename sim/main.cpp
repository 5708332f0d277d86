// serambi-sim: the WhatsApp Cloud API simulator (docs/simulator.md).
#include "sim/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

using namespace Serambi::Sim;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "serambi-sim: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("serambi-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SERAMBI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "WhatsApp Cloud API simulator: a fake Graph API plus simulated customers who send signed "
        "webhooks. Secrets and ids come from SERAMBI_APP_SECRET, SERAMBI_GRAPH_TOKEN, "
        "SERAMBI_PHONE_NUMBER_ID, SERAMBI_WABA_ID, SERAMBI_DISPLAY_PHONE_NUMBER; with --provider "
        "twilio, the auth token from SERAMBI_TWILIO_AUTH_TOKEN."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Graph API address (default 127.0.0.1:8091)."),
                                    QStringLiteral("host:port"));
    const QCommandLineOption webhookUrl(
        QStringLiteral("webhook-url"),
        QStringLiteral("Where webhooks go (default http://127.0.0.1:8090/webhook)."),
        QStringLiteral("url"));
    const QCommandLineOption script(QStringLiteral("script"),
                                    QStringLiteral("Customer script JSON (default: built-in)."),
                                    QStringLiteral("path"));
    const QCommandLineOption pace(QStringLiteral("pace"),
                                  QStringLiteral("Customer speed multiplier; 0 stops them."),
                                  QStringLiteral("factor"));
    const QCommandLineOption statusDelays(
        QStringLiteral("status-delays"),
        QStringLiteral(
            "sent,delivered,read delays in ms, without jitter (default ~500,1500,4000)."),
        QStringLiteral("ms,ms,ms"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Queue a fault: rate_limit|server_error|timeout "
                                                  "with a count, e.g. rate_limit:3. Repeatable."),
                                   QStringLiteral("kind:count"));
    const QCommandLineOption noCustomers(QStringLiteral("no-customers"),
                                         QStringLiteral("No scripted customers."));
    const QCommandLineOption batch(QStringLiteral("batch-statuses"),
                                   QStringLiteral("Batch status updates into shared webhooks."));
    const QCommandLineOption attempts(QStringLiteral("webhook-attempts"),
                                      QStringLiteral("Delivery attempts per webhook (default 8)."),
                                      QStringLiteral("n"));
    const QCommandLineOption retryMs(
        QStringLiteral("webhook-retry-ms"),
        QStringLiteral("First redelivery delay, doubling each time (default 1000)."),
        QStringLiteral("ms"));
    const QCommandLineOption asyncWindow(
        QStringLiteral("async-window-errors"),
        QStringLiteral("Report 131047 as a failed status webhook instead of an HTTP error."));
    const QCommandLineOption notOnWhatsApp(
        QStringLiteral("not-on-whatsapp"),
        QStringLiteral("Comma-separated numbers that fail with 131026 (default 6280000000000)."),
        QStringLiteral("numbers"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("Do not print the conversation transcript."));
    const QCommandLineOption shopWebhookUrl(
        QStringLiteral("shop-webhook-url"),
        QStringLiteral("Where the fake shop delivers its orders as signed WooCommerce webhooks at "
                       "start (secret: SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET)."),
        QStringLiteral("url"));
    parser.addOption(shopWebhookUrl);
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("cloud (Meta's Graph API, default) or twilio (Twilio's Messages resource "
                       "and form webhooks)."),
        QStringLiteral("name"));
    const QCommandLineOption twilioNumber(
        QStringLiteral("twilio-number"),
        QStringLiteral("The Twilio WhatsApp sender, E.164 (default +14155238886)."),
        QStringLiteral("number"));
    const QCommandLineOption twilioAccount(
        QStringLiteral("twilio-account-sid"),
        QStringLiteral("The Twilio Account SID (default AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c)."),
        QStringLiteral("sid"));
    parser.addOptions({provider, twilioNumber, twilioAccount});
    parser.addOptions({listen, webhookUrl, script, pace, statusDelays, fault, noCustomers, batch,
                       attempts, retryMs, asyncWindow, notOnWhatsApp, quiet});
    parser.process(app);

    SimConfig config;
    QString error;
    if (!applyEnvironment(QProcessEnvironment::systemEnvironment(), &config, &error))
        return fail(error);
    if (parser.isSet(listen) &&
        !parseListenAddress(parser.value(listen), &config.listenAddress, &config.listenPort))
        return fail(
            QStringLiteral("--listen must be host:port, got \"%1\"").arg(parser.value(listen)));
    if (parser.isSet(provider)) {
        config.provider = parser.value(provider);
        if (config.provider != QLatin1String("cloud") && config.provider != QLatin1String("twilio"))
            return fail(QStringLiteral("--provider must be cloud or twilio"));
    }
    if (parser.isSet(twilioNumber)) {
        config.twilioNumber = parser.value(twilioNumber);
        static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
        if (!e164.match(config.twilioNumber).hasMatch())
            return fail(QStringLiteral("--twilio-number must be E.164, e.g. +14155238886"));
    }
    if (parser.isSet(twilioAccount)) {
        config.twilioAccountSid = parser.value(twilioAccount);
        static const QRegularExpression sid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
        if (!sid.match(config.twilioAccountSid).hasMatch())
            return fail(QStringLiteral("--twilio-account-sid must be AC and 32 hex digits"));
    }
    if (parser.isSet(webhookUrl)) {
        config.webhookUrl = QUrl(parser.value(webhookUrl), QUrl::StrictMode);
        if (!config.webhookUrl.isValid() ||
            !config.webhookUrl.scheme().startsWith(QLatin1String("http")))
            return fail(QStringLiteral("--webhook-url must be an http(s) URL"));
    }
    if (parser.isSet(shopWebhookUrl)) {
        config.shopWebhookUrl = QUrl(parser.value(shopWebhookUrl), QUrl::StrictMode);
        if (!config.shopWebhookUrl.isValid() ||
            !config.shopWebhookUrl.scheme().startsWith(QLatin1String("http")))
            return fail(QStringLiteral("--shop-webhook-url must be an http(s) URL"));
        if (config.shopWebhookSecret.isEmpty())
            return fail(
                QStringLiteral("--shop-webhook-url needs SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET"));
    }
    config.scriptPath = parser.value(script);
    if (parser.isSet(pace)) {
        bool ok = false;
        config.pace = parser.value(pace).toDouble(&ok);
        if (!ok || config.pace < 0)
            return fail(QStringLiteral("--pace must be a number >= 0"));
    }
    if (parser.isSet(statusDelays)) {
        if (!parseStatusDelays(parser.value(statusDelays), &config.statusDelaysMs))
            return fail(
                QStringLiteral("--status-delays must be three milliseconds, e.g. 10,20,30"));
        config.statusJitter = false;
    }
    for (const QString &spec : parser.values(fault)) {
        if (!Fault::fromSpec(spec, &error))
            return fail(QStringLiteral("--fault %1: %2").arg(spec, error));
    }
    config.customersEnabled = !parser.isSet(noCustomers);
    config.batchStatuses = parser.isSet(batch);
    config.asyncWindowErrors = parser.isSet(asyncWindow);
    for (const auto &[option, target] : {std::pair{&attempts, &config.webhookMaxAttempts},
                                         std::pair{&retryMs, &config.webhookRetryBaseMs}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target < 1)
            return fail(
                QStringLiteral("--%1 must be a positive integer").arg(option->names().first()));
    }
    if (parser.isSet(notOnWhatsApp))
        config.notOnWhatsApp =
            parser.value(notOnWhatsApp).split(QLatin1Char(','), Qt::SkipEmptyParts);

    Simulator simulator(config);
    for (const QString &spec : parser.values(fault))
        simulator.faults().add(*Fault::fromSpec(spec, &error));
    QFile out;
    if (!parser.isSet(quiet)) {
        if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(QStringLiteral("cannot write to stdout"));
        simulator.printConversationTo(&out);
    }
    if (!simulator.start(&error))
        return fail(error);
    if (simulator.speaksTwilio())
        std::printf("serambi-sim: Twilio API on %s\n",
                    qPrintable(simulator.twilioApiUrl().toString()));
    else
        std::printf("serambi-sim: Graph API on %s\n",
                    qPrintable(simulator.graphBaseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
