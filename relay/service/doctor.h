#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Serambi::Relay {

// One line of `serambi-relay doctor`'s report: what was checked and, when it failed, what to do.
struct DoctorFinding
{
    bool ok = false;
    QString what;
    QString fix;
};

struct DoctorOptions
{
    QString configPath;
    // A systemd EnvironmentFile such as /etc/serambi/secrets.env: must be owner-only; its keys
    // count as environment variables (the real environment wins, as for the service).
    QString envFile;
    // The public base URL Meta calls (https://relay.example.com): its /webhook must answer
    // Meta's verification handshake through the proxy.
    QUrl publicUrl;
    int timeoutMs = 10000;
};

// Checks a relay's configuration before it goes live (docs/deployment.md): the secrets file,
// the configuration, the data directory, the listening port and the public webhook URL.
// Reads nothing else and changes nothing but a probe file in the data directory.
QList<DoctorFinding> runDoctor(const DoctorOptions &options, QProcessEnvironment env);

} // namespace Serambi::Relay
