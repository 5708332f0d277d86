#include "relayconfig.h"

#include "secretsfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Serambi::Relay {

namespace {

// One place to look a key up: environment first (SERAMBI_<KEY>), then the INI file's
// [relay] section, then (secrets only) the secrets file.
class Source
{
public:
    Source(const QString &iniPath, const QProcessEnvironment &env) : m_env(env), m_iniPath(iniPath)
    {
        if (!iniPath.isEmpty())
            m_ini.emplace(iniPath, QSettings::IniFormat);
    }

    static QString envName(const QString &key)
    {
        return QStringLiteral("SERAMBI_") + key.toUpper();
    }

    std::optional<QString> value(const QString &key) const
    {
        if (m_env.contains(envName(key)))
            return m_env.value(envName(key));
        if (m_ini && m_ini->contains(QStringLiteral("relay/") + key)) {
            // QSettings reads an unquoted value with commas (a list of holidays, keywords) as
            // a list: it is the text the owner wrote.
            const QVariant value = m_ini->value(QStringLiteral("relay/") + key);
            if (value.typeId() == QMetaType::QStringList)
                return value.toStringList().join(QStringLiteral(", "));
            return value.toString();
        }
        return std::nullopt;
    }

    bool iniHas(const QString &key) const
    {
        return m_ini && m_ini->contains(QStringLiteral("relay/") + key);
    }
    const QProcessEnvironment &env() const { return m_env; }
    bool iniOwnerOnly() const { return m_iniPath.isEmpty() || isOwnerOnly(m_iniPath); }
    QSettings::Status iniStatus() const { return m_ini ? m_ini->status() : QSettings::NoError; }

private:
    QProcessEnvironment m_env;
    QString m_iniPath;
    std::optional<QSettings> m_ini;
};

QString describe(const QString &key)
{
    return QStringLiteral("%1 ([relay] %2)").arg(Source::envName(key), key);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readInt(const Source &source, const QString &key, int min, int max, int *out, QString *error)
{
    const auto text = source.value(key);
    if (!text)
        return true;
    bool ok = false;
    const int value = text->trimmed().toInt(&ok);
    if (!ok || value < min || value > max)
        return fail(error, QStringLiteral("%1 must be a whole number from %2 to %3")
                               .arg(describe(key))
                               .arg(min)
                               .arg(max));
    *out = value;
    return true;
}

bool readRatio(const Source &source, const QString &key, double *out, QString *error)
{
    const auto text = source.value(key);
    if (!text)
        return true;
    bool ok = false;
    const double value = text->trimmed().toDouble(&ok);
    if (!ok || value < 0 || value > 1)
        return fail(error, QStringLiteral("%1 must be a number from 0 to 1").arg(describe(key)));
    *out = value;
    return true;
}

bool readAi(const Source &source, RelayConfig &config, QString *error)
{
    if (const auto keywords = source.value(QStringLiteral("ai_handoff_keywords"))) {
        config.aiHandoffKeywords.clear();
        for (const QString &keyword : keywords->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!keyword.trimmed().isEmpty())
                config.aiHandoffKeywords.append(keyword.trimmed());
        }
    }
    return readRatio(source, QStringLiteral("ai_auto_threshold"), &config.aiAutoThreshold, error) &&
           readRatio(source, QStringLiteral("ai_abstain_threshold"), &config.aiAbstainThreshold,
                     error) &&
           readInt(source, QStringLiteral("ai_low_confidence_handoffs"), 1, 100,
                   &config.aiLowConfidenceHandoffs, error) &&
           readInt(source, QStringLiteral("ai_burst_quiet_ms"), 0, 60000, &config.aiBurstQuietMs,
                   error);
}

// meta_currency and meta_rate_<category> for Meta's pricing categories (0 when not set).
bool readMetaRates(const Source &source, RelayConfig &config, QString *error)
{
    if (const auto currency = source.value(QStringLiteral("meta_currency"))) {
        if (currency->trimmed().isEmpty() || currency->trimmed().size() > 8)
            return fail(error, QStringLiteral("%1 must be a currency code such as USD or IDR")
                                   .arg(describe(QStringLiteral("meta_currency"))));
        config.metaCurrency = currency->trimmed();
    }
    for (const char *category :
         {"service", "utility", "marketing", "authentication", "authentication_international"}) {
        const QString key = QStringLiteral("meta_rate_") + QLatin1String(category);
        const auto text = source.value(key);
        if (!text)
            continue;
        bool ok = false;
        const double rate = text->trimmed().toDouble(&ok);
        if (!ok || rate < 0)
            return fail(error, QStringLiteral("%1 must be a number, 0 or more (what Meta charges "
                                              "per message, in meta_currency)")
                                   .arg(describe(key)));
        config.metaRates.insert(QLatin1String(category), rate);
    }
    return true;
}

// SERAMBI_DB_URL and its password, SERAMBI_DB_PASSWORD, from the environment or the secrets
// file: a URL carrying a password would put it wherever the URL is printed.
bool readDatabaseUrl(const Source &source, RelayConfig &config, QString *error)
{
    const auto url = source.value(QStringLiteral("db_url"));
    if (!url || url->isEmpty())
        return true;
    const QUrl parsed(*url, QUrl::StrictMode);
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("postgresql") &&
         parsed.scheme() != QLatin1String("postgres")) ||
        parsed.host().isEmpty() || parsed.path().size() < 2)
        return fail(error, QStringLiteral("%1 must be postgresql://user@host:port/database")
                               .arg(describe(QStringLiteral("db_url"))));
    if (!parsed.password().isEmpty())
        return fail(error, QStringLiteral("%1 has a password; put it in SERAMBI_DB_PASSWORD in "
                                          "the environment or a secrets file (chmod 600)")
                               .arg(describe(QStringLiteral("db_url"))));
    config.dbUrl = *url;
    const QString passwordName = Source::envName(QStringLiteral("db_password"));
    if (source.env().contains(passwordName)) {
        config.dbPassword = source.env().value(passwordName).toUtf8();
    } else if (const auto path = source.value(QStringLiteral("secrets_file"));
               path && !path->isEmpty()) {
        QString secretsError;
        const auto secrets = readSecretsFile(*path, &secretsError);
        if (!secrets)
            return fail(error, describe(QStringLiteral("secrets_file")) + QStringLiteral(": ") +
                                   secretsError);
        config.dbPassword = secrets->value(passwordName);
    }
    if (source.iniHas(QStringLiteral("db_password")))
        return fail(error, QStringLiteral("%1 is in a configuration file; move it to the "
                                          "environment or a secrets file (chmod 600)")
                               .arg(describe(QStringLiteral("db_password"))));
    return true;
}

// "word:Team, other word:Team": pairs in order; a pair without both sides is an error.
bool readRoutes(const Source &source, const QString &key, bool lowerCase,
                QList<QPair<QString, QString>> *out, QString *error)
{
    const auto text = source.value(key);
    if (!text)
        return true;
    out->clear();
    for (const QString &item : text->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (item.trimmed().isEmpty())
            continue;
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        const QString match = colon < 0 ? QString() : item.left(colon).trimmed();
        const QString team = colon < 0 ? QString() : item.mid(colon + 1).trimmed();
        if (match.isEmpty() || team.isEmpty())
            return fail(error, QStringLiteral("%1 must be a list of MATCH:TEAM pairs, not \"%2\"")
                                   .arg(describe(key), item.trimmed()));
        out->append({lowerCase ? match.toLower() : match, team});
    }
    return true;
}

bool readOrderTemplates(const Source &source, RelayConfig &config, QString *error)
{
    if (const auto templates = source.value(QStringLiteral("order_status_templates"))) {
        QString problem;
        const auto parsed = parseOrderStatusTemplates(*templates, &problem);
        if (!parsed)
            return fail(error, QStringLiteral("%1: %2").arg(
                                   describe(QStringLiteral("order_status_templates")), problem));
        config.orderStatusTemplates = *parsed;
    }
    return true;
}

// business_hours, business_timezone, business_holidays, out_of_hours_reply and its language.
bool readBusinessHours(const Source &source, RelayConfig &config, QString *error)
{
    const QString schedule = source.value(QStringLiteral("business_hours")).value_or(QString());
    const QString zone = source.value(QStringLiteral("business_timezone")).value_or(QString());
    const QString holidays = source.value(QStringLiteral("business_holidays")).value_or(QString());
    QString problem;
    const auto hours = BusinessHours::parse(schedule, zone, holidays, &problem);
    if (!hours) {
        const char *key = problem.startsWith(QLatin1String("unknown time zone"))
                              ? "business_timezone"
                          : problem.startsWith(QLatin1String("holiday")) ? "business_holidays"
                                                                         : "business_hours";
        return fail(error, QStringLiteral("%1: %2").arg(describe(QLatin1String(key)), problem));
    }
    config.businessHours = *hours;
    if (const auto reply = source.value(QStringLiteral("out_of_hours_reply")))
        config.outOfHoursReply = reply->trimmed();
    if (const auto language = source.value(QStringLiteral("out_of_hours_language"))) {
        if (*language != QLatin1String("id") && *language != QLatin1String("en"))
            return fail(error, QStringLiteral("%1 must be id or en")
                                   .arg(describe(QStringLiteral("out_of_hours_language"))));
        config.outOfHoursLanguage = *language;
    }
    return true;
}

bool readStorage(const Source &source, RelayConfig &config, QString *error)
{
    if (source.iniStatus() != QSettings::NoError)
        return fail(error, QStringLiteral("the configuration file cannot be read or parsed"));
    if (const auto dir = source.value(QStringLiteral("data_dir")); dir && !dir->isEmpty())
        config.dataDir = *dir;
    else
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         QStringLiteral("/serambi-relay");
    if (!QDir().mkpath(config.dataDir))
        return fail(error, QStringLiteral("%1: cannot create directory %2")
                               .arg(describe(QStringLiteral("data_dir")), config.dataDir));
    if (const auto sync = source.value(QStringLiteral("db_sync"))) {
        if (*sync == QLatin1String("full"))
            config.fullSync = true;
        else if (*sync == QLatin1String("normal"))
            config.fullSync = false;
        else
            return fail(error, QStringLiteral("%1 must be full or normal")
                                   .arg(describe(QStringLiteral("db_sync"))));
    }
    return readDatabaseUrl(source, config, error) &&
           readInt(source, QStringLiteral("pbkdf2_iterations"), 1000, 10000000,
                   &config.pbkdf2Iterations, error) &&
           readInt(source, QStringLiteral("auto_assign_capacity"), 0, 1000,
                   &config.autoAssignCapacity, error) &&
           readRoutes(source, QStringLiteral("route_keywords"), true, &config.routeKeywords,
                      error) &&
           readRoutes(source, QStringLiteral("route_reasons"), false, &config.routeReasons,
                      error) &&
           readAi(source, config, error) && readMetaRates(source, config, error) &&
           readOrderTemplates(source, config, error) && readBusinessHours(source, config, error);
}

bool readListen(const Source &source, RelayConfig &config, QString *error)
{
    const auto listen = source.value(QStringLiteral("listen"));
    if (!listen)
        return true;
    const qsizetype colon = listen->lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen->mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? listen->left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                  : host);
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        return fail(error, QStringLiteral("%1 must be host:port, e.g. 127.0.0.1:8090")
                               .arg(describe(QStringLiteral("listen"))));
    config.listenAddress = address;
    config.listenPort = quint16(port);
    return true;
}

} // namespace

QList<ChannelConfig> RelayConfig::allChannels() const
{
    ChannelConfig main;
    main.name = MainChannel;
    main.label = mainLabel;
    main.colour = mainColour;
    main.ratePerSecond = mainRatePerSecond;
    main.team = mainTeam;
    main.graphUrl = graphUrl;
    main.phoneNumberId = phoneNumberId;
    main.wabaId = wabaId;
    main.appSecret = appSecret;
    main.verifyToken = verifyToken;
    main.graphToken = graphToken;
    QList<ChannelConfig> all = channels;
    all.prepend(main);
    return all;
}

QString RelayConfig::databasePath() const
{
    if (!dbUrl.isEmpty())
        return dbUrl;
    return dataDir + QStringLiteral("/relay.sqlite");
}

QString RelayConfig::mediaDir() const
{
    return dataDir + QStringLiteral("/media");
}

QString RelayConfig::knowledgeBasePath() const
{
    return dataDir + QStringLiteral("/kb.sqlite");
}

std::optional<RelayConfig> loadRelayStorageConfig(const QString &iniPath,
                                                  const QProcessEnvironment &env, QString *error)
{
    if (!iniPath.isEmpty() && !QFileInfo::exists(iniPath)) {
        fail(error, QStringLiteral("configuration file %1 does not exist").arg(iniPath));
        return std::nullopt;
    }
    Source source(iniPath, env);
    RelayConfig config;
    if (!readStorage(source, config, error))
        return std::nullopt;
    return config;
}

namespace {

// SERAMBI_LLM_BASE_URL, _MODEL, _HEADERS ("Name: value; Name: value"), _TIMEOUT_MS.
bool readLlm(const Source &source, RelayConfig *config, QString *error)
{
    if (const auto url = source.value(QStringLiteral("llm_base_url")); url && !url->isEmpty()) {
        QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() ||
            (parsed.scheme() != QLatin1String("https") &&
             parsed.scheme() != QLatin1String("http")) ||
            parsed.host().isEmpty())
            return fail(error, QStringLiteral("%1 must be an http(s) URL such as "
                                              "https://openrouter.ai/api/v1")
                                   .arg(describe(QStringLiteral("llm_base_url"))));
        if (parsed.path().endsWith(QLatin1Char('/')))
            parsed.setPath(parsed.path().chopped(1));
        config->llmBaseUrl = parsed;
        config->llmBaseUrlSet = true;
    }
    if (const auto model = source.value(QStringLiteral("llm_model")); model && !model->isEmpty())
        config->llmModel = model->trimmed();
    if (const auto headers = source.value(QStringLiteral("llm_headers"))) {
        const QStringList items = headers->split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const qsizetype colon = item.indexOf(QLatin1Char(':'));
            const QString name = item.left(colon).trimmed();
            if (colon <= 0 || name.isEmpty() || name.contains(QLatin1Char(' ')))
                return fail(error, QStringLiteral("%1 must be \"Name: value; Name: value\"")
                                       .arg(describe(QStringLiteral("llm_headers"))));
            config->llmHeaders.append({name.toUtf8(), item.mid(colon + 1).trimmed().toUtf8()});
        }
    }
    return readInt(source, QStringLiteral("llm_timeout_ms"), 1000, 600000, &config->llmTimeoutMs,
                   error) &&
           readInt(source, QStringLiteral("llm_max_concurrent"), 1, 6, &config->llmMaxConcurrent,
                   error);
}

// The agents' hub's limits.
bool readHub(const Source &source, RelayConfig *config, QString *error)
{
    if (const auto proxies = source.value(QStringLiteral("trusted_proxies"))) {
        QString bad;
        if (!parseTrustedProxies(*proxies, &config->trustedProxies, &bad))
            return fail(error, QStringLiteral("%1: %2 is not an address or subnet (e.g. "
                                              "127.0.0.1, 10.0.0.0/8, ::1)")
                                   .arg(describe(QStringLiteral("trusted_proxies")), bad.left(64)));
    }
    return readInt(source, QStringLiteral("session_ttl_days"), 1, 3650, &config->sessionTtlDays,
                   error) &&
           readInt(source, QStringLiteral("session_idle_days"), 1, 3650, &config->sessionIdleDays,
                   error) &&
           readInt(source, QStringLiteral("login_check_slots"), 1, 64, &config->loginCheckSlots,
                   error) &&
           readInt(source, QStringLiteral("replay_ring_events"), 100, 1000000,
                   &config->replayRingEvents, error) &&
           readInt(source, QStringLiteral("replay_ring_mib"), 1, 4096, &config->replayRingMib,
                   error) &&
           readInt(source, QStringLiteral("console_buffer_mib"), 1, 1024, &config->consoleBufferMib,
                   error) &&
           readInt(source, QStringLiteral("auth_poll_ms"), 100, 60000, &config->authPollMs, error);
}

// SERAMBI_MEDIA_DOWNLOAD_HOSTS: host names, *.domain, or whole origins (scheme://host:port).
bool readMediaDownloadHosts(const Source &source, RelayConfig *config, QString *error)
{
    const auto hosts = source.value(QStringLiteral("media_download_hosts"));
    if (!hosts)
        return true;
    QStringList entries;
    for (const QString &item : hosts->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = item.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        bool valid = !entry.contains(QLatin1Char('/')) && !entry.contains(QLatin1Char(':'));
        if (entry.contains(QLatin1String("://"))) {
            const QUrl origin(entry, QUrl::StrictMode);
            valid = origin.isValid() && !origin.host().isEmpty() &&
                    (origin.scheme() == QLatin1String("https") ||
                     origin.scheme() == QLatin1String("http")) &&
                    (origin.path().isEmpty() || origin.path() == QLatin1String("/")) &&
                    origin.userInfo().isEmpty();
        }
        if (!valid)
            return fail(error, QStringLiteral("%1 must be host names, *.domain or origins such as "
                                              "http://127.0.0.1:8091, separated by commas")
                                   .arg(describe(QStringLiteral("media_download_hosts"))));
        entries.append(entry);
    }
    config->mediaDownloadHosts = entries;
    return true;
}

bool readLimits(const Source &source, RelayConfig *config, QString *error)
{
    return readMediaDownloadHosts(source, config, error) &&
           readInt(source, QStringLiteral("http_header_timeout_ms"), 100, 600000,
                   &config->httpHeaderTimeoutMs, error) &&
           readInt(source, QStringLiteral("http_idle_timeout_ms"), 100, 3600000,
                   &config->httpIdleTimeoutMs, error) &&
           readInt(source, QStringLiteral("http_max_connections_per_address"), 0, 100000,
                   &config->httpMaxConnectionsPerAddress, error) &&
           readInt(source, QStringLiteral("upload_quota_mib"), 0, 1024 * 1024,
                   &config->uploadQuotaMib, error) &&
           readInt(source, QStringLiteral("upload_retention_hours"), 0, 24 * 3650,
                   &config->uploadRetentionHours, error);
}

} // namespace

std::optional<RelayConfig> loadRelayConfig(const QString &iniPath, const QProcessEnvironment &env,
                                           QString *error)
{
    auto loaded = loadRelayStorageConfig(iniPath, env, error);
    if (!loaded)
        return std::nullopt;
    RelayConfig config = *loaded;
    Source source(iniPath, env);

    QHash<QString, QByteArray> secrets;
    if (const auto path = source.value(QStringLiteral("secrets_file")); path && !path->isEmpty()) {
        QString secretsError;
        auto read = readSecretsFile(*path, &secretsError);
        if (!read) {
            fail(error,
                 describe(QStringLiteral("secrets_file")) + QStringLiteral(": ") + secretsError);
            return std::nullopt;
        }
        secrets = *read;
    }
    auto secret = [&](const QString &key, QByteArray *out) {
        const QString envName = Source::envName(key);
        if (env.contains(envName))
            *out = env.value(envName).toUtf8();
        else if (secrets.contains(envName))
            *out = secrets.value(envName);
        else if (source.iniHas(key)) {
            if (!source.iniOwnerOnly())
                return fail(error,
                            QStringLiteral("%1 is in a configuration file others can read; move it "
                                           "to the environment or a secrets file (chmod 600)")
                                .arg(describe(key)));
            *out = source.value(key)->toUtf8();
        }
        if (out->isEmpty())
            return fail(error, QStringLiteral("%1 is not set").arg(describe(key)));
        return true;
    };
    if (!readListen(source, config, error) ||
        !secret(QStringLiteral("app_secret"), &config.appSecret) ||
        !secret(QStringLiteral("verify_token"), &config.verifyToken) ||
        !secret(QStringLiteral("graph_token"), &config.graphToken))
        return std::nullopt;

    if (const auto url = source.value(QStringLiteral("graph_url"))) {
        const QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() ||
            (parsed.scheme() != QLatin1String("https") &&
             parsed.scheme() != QLatin1String("http")) ||
            parsed.host().isEmpty()) {
            fail(error, QStringLiteral("%1 must be an http(s) URL such as "
                                       "https://graph.facebook.com/v25.0")
                            .arg(describe(QStringLiteral("graph_url"))));
            return std::nullopt;
        }
        config.graphUrl = parsed;
    }
    const auto pnid = source.value(QStringLiteral("phone_number_id"));
    if (!pnid || pnid->isEmpty()) {
        fail(error,
             QStringLiteral("%1 is not set").arg(describe(QStringLiteral("phone_number_id"))));
        return std::nullopt;
    }
    bool digits = false;
    pnid->toULongLong(&digits);
    if (!digits) {
        fail(error, QStringLiteral("%1 must be the numeric phone number ID from Meta")
                        .arg(describe(QStringLiteral("phone_number_id"))));
        return std::nullopt;
    }
    config.phoneNumberId = *pnid;

    if (const auto waba = source.value(QStringLiteral("waba_id")); waba && !waba->isEmpty()) {
        bool wabaDigits = false;
        waba->toULongLong(&wabaDigits);
        if (!wabaDigits) {
            fail(error, QStringLiteral("%1 must be the numeric WhatsApp Business Account ID")
                            .arg(describe(QStringLiteral("waba_id"))));
            return std::nullopt;
        }
        config.wabaId = *waba;
    }

    if (const auto mode = source.value(QStringLiteral("ai_mode"))) {
        if (*mode != QLatin1String("auto") && *mode != QLatin1String("draft") &&
            *mode != QLatin1String("off")) {
            fail(error, QStringLiteral("%1 must be auto, draft or off")
                            .arg(describe(QStringLiteral("ai_mode"))));
            return std::nullopt;
        }
        config.defaultAiMode = *mode;
    }
    int maxBodyKiB = int(config.maxBodyBytes / 1024);
    if (!readInt(source, QStringLiteral("max_body_kib"), 64, 64 * 1024, &maxBodyKiB, error) ||
        !readInt(source, QStringLiteral("send_timeout_ms"), 100, 600000, &config.sendTimeoutMs,
                 error) ||
        !readInt(source, QStringLiteral("send_max_attempts"), 1, 100, &config.sendMaxAttempts,
                 error) ||
        !readInt(source, QStringLiteral("send_backoff_ms"), 1, 600000, &config.sendBackoffMs,
                 error))
        return std::nullopt;
    config.maxBodyBytes = qint64(maxBodyKiB) * 1024;
    if (!readLlm(source, &config, error) || !readHub(source, &config, error) ||
        !readLimits(source, &config, error))
        return std::nullopt;
    const QString metricsName = Source::envName(QStringLiteral("metrics_token"));
    if (env.contains(metricsName))
        config.metricsToken = env.value(metricsName).toUtf8();
    else if (secrets.contains(metricsName))
        config.metricsToken = secrets.value(metricsName);
    else if (source.iniHas(QStringLiteral("metrics_token"))) {
        if (!source.iniOwnerOnly()) {
            fail(error, QStringLiteral("%1 is in a configuration file others can read; move it "
                                       "to the environment or a secrets file (chmod 600)")
                            .arg(describe(QStringLiteral("metrics_token"))));
            return std::nullopt;
        }
        config.metricsToken = source.value(QStringLiteral("metrics_token"))->toUtf8();
    }
    const QString wooName = Source::envName(QStringLiteral("woocommerce_webhook_secret"));
    if (env.contains(wooName))
        config.wooWebhookSecret = env.value(wooName).toUtf8();
    else if (secrets.contains(wooName))
        config.wooWebhookSecret = secrets.value(wooName);
    else if (source.iniHas(QStringLiteral("woocommerce_webhook_secret"))) {
        fail(error, QStringLiteral("%1 is in a configuration file; move it to the environment or "
                                   "a secrets file (chmod 600)")
                        .arg(describe(QStringLiteral("woocommerce_webhook_secret"))));
        return std::nullopt;
    }
    const auto csat = readCsatSettings(iniPath, error);
    if (!csat)
        return std::nullopt;
    config.csat = *csat;
    ChannelConfig main = config.allChannels().first();
    if (!readChannels(iniPath, env, secrets, &main, &config.channels, error))
        return std::nullopt;
    config.mainLabel = main.label;
    config.mainColour = main.colour;
    config.mainRatePerSecond = main.ratePerSecond;
    config.mainTeam = main.team;
    const QString keyName = Source::envName(QStringLiteral("llm_api_key"));
    if (env.contains(keyName))
        config.llmApiKey = env.value(keyName).toUtf8();
    else if (secrets.contains(keyName))
        config.llmApiKey = secrets.value(keyName);
    else if (source.iniHas(QStringLiteral("llm_api_key"))) {
        fail(error, QStringLiteral("%1 is in a configuration file; move it to the environment or "
                                   "a secrets file (chmod 600)")
                        .arg(describe(QStringLiteral("llm_api_key"))));
        return std::nullopt;
    }
    return config;
}

} // namespace Serambi::Relay
