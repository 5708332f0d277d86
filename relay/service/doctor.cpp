#include "doctor.h"

#include "config/relayconfig.h"
#include "config/secretsfile.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrlQuery>

namespace Serambi::Relay {

namespace {

DoctorFinding pass(const QString &what)
{
    return {true, what, {}};
}

DoctorFinding failure(const QString &what, const QString &fix)
{
    return {false, what, fix};
}

DoctorFinding checkEnvFile(const QString &path, QProcessEnvironment *env)
{
    if (!QFileInfo::exists(path))
        return failure(QStringLiteral("secrets file %1 does not exist").arg(path),
                       QStringLiteral("create it with `install -m 600 /dev/null %1` and put "
                                      "SERAMBI_APP_SECRET=…, SERAMBI_VERIFY_TOKEN=… and "
                                      "SERAMBI_GRAPH_TOKEN=… in it")
                           .arg(path));
    if (!isOwnerOnly(path))
        return failure(QStringLiteral("secrets file %1 can be read by others").arg(path),
                       QStringLiteral("run `chmod 600 %1`").arg(path));
    QString error;
    const auto secrets = readSecretsFile(path, &error);
    if (!secrets)
        return failure(QStringLiteral("secrets file %1 cannot be read: %2").arg(path, error),
                       QStringLiteral("run the doctor as the file's owner (root for "
                                      "/etc/serambi/secrets.env)"));
    for (auto it = secrets->cbegin(); it != secrets->cend(); ++it) {
        if (!env->contains(it.key()))
            env->insert(it.key(), QString::fromUtf8(it.value()));
    }
    return pass(QStringLiteral("secrets file %1 is private (mode 0600)").arg(path));
}

DoctorFinding checkDataDir(const QString &dataDir)
{
    QTemporaryFile probe(QDir(dataDir).filePath(QStringLiteral("doctor-XXXXXX")));
    if (!probe.open() || probe.write("probe") != 5 || !probe.flush())
        return failure(QStringLiteral("data directory %1 is not writable").arg(dataDir),
                       QStringLiteral("run the doctor as the relay's user (`sudo -u serambi`) "
                                      "and give it the directory (`chown serambi: %1`)")
                           .arg(dataDir));
    return pass(QStringLiteral("data directory %1 is writable").arg(dataDir));
}

DoctorFinding checkPort(const QHostAddress &address, quint16 port)
{
    const QString where = QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    QTcpServer server;
    if (server.listen(address, port))
        return pass(QStringLiteral("%1 is free for the relay").arg(where));
    if (server.serverError() == QAbstractSocket::AddressInUseError)
        return pass(QStringLiteral("%1 is in use: a running relay, or another program that "
                                   "the relay would collide with")
                        .arg(where));
    return failure(QStringLiteral("cannot listen on %1: %2").arg(where, server.errorString()),
                   QStringLiteral("set `listen` to an address of this machine and a free port"));
}

DoctorFinding checkPublicUrl(const QUrl &base, const QByteArray &verifyToken, int timeoutMs)
{
    QUrl url = base;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) +
                QStringLiteral("/webhook"));
    const QString challenge = QString::number(QRandomGenerator::system()->generate64());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hub.mode"), QStringLiteral("subscribe"));
    query.addQueryItem(QStringLiteral("hub.verify_token"), QString::fromUtf8(verifyToken));
    query.addQueryItem(QStringLiteral("hub.challenge"), challenge);
    url.setQuery(query);
    const QString shown = url.toString(QUrl::RemoveQuery);

    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200 && body == challenge.toUtf8())
        return pass(QStringLiteral("%1 answers Meta's verification handshake").arg(shown));
    if (status == 403)
        return failure(QStringLiteral("%1 refused the verify token").arg(shown),
                       QStringLiteral("the relay behind this URL has another verify_token; "
                                      "restart it after changing the secrets"));
    if (status != 0)
        return failure(
            QStringLiteral("%1 answered HTTP %2 instead of the challenge").arg(shown).arg(status),
            QStringLiteral("make the proxy pass /webhook to the relay "
                           "(packaging/nginx/serambi.conf)"));
    return failure(QStringLiteral("%1 cannot be reached: %2").arg(shown, reply->errorString()),
                   QStringLiteral("check the host name, the proxy, its TLS certificate (valid "
                                  "dates, full chain) and that the relay runs"));
}

} // namespace

QList<DoctorFinding> runDoctor(const DoctorOptions &options, QProcessEnvironment env)
{
    QList<DoctorFinding> findings;
    if (!options.envFile.isEmpty())
        findings.append(checkEnvFile(options.envFile, &env));
    QString error;
    const auto config = loadRelayConfig(options.configPath, env, &error);
    if (!config) {
        findings.append(failure(QStringLiteral("the configuration does not load: %1").arg(error),
                                QStringLiteral("set it in the INI file or the secrets file "
                                               "(docs/configuration.md)")));
        return findings;
    }
    findings.append(pass(QStringLiteral("the configuration loads")));
    findings.append(checkDataDir(config->dataDir));
    findings.append(checkPort(config->listenAddress, config->listenPort));
    if (options.publicUrl.isValid() && !options.publicUrl.isEmpty())
        findings.append(checkPublicUrl(options.publicUrl, config->verifyToken, options.timeoutMs));
    return findings;
}

} // namespace Serambi::Relay
