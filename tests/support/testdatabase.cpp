#include "testdatabase.h"

#include "postgresserver.h"

#include <QCoreApplication>

#include <memory>

namespace Serambi::Test {

namespace {

std::unique_ptr<PostgresServer> &server()
{
    static std::unique_ptr<PostgresServer> instance;
    return instance;
}

void stopServer()
{
    server().reset();
}

PostgresServer *sharedServer(QString *error)
{
    static QString startError;
    if (!server() && startError.isEmpty()) {
        auto started = std::make_unique<PostgresServer>();
        if (started->start(&startError)) {
            server() = std::move(started);
            qAddPostRoutine(stopServer);
        }
    }
    if (!server())
        *error = startError;
    return server().get();
}

} // namespace

bool TestDatabase::onPostgres()
{
    return qEnvironmentVariable("SERAMBI_TEST_DB") == QLatin1String("postgresql");
}

QString TestDatabase::location(const QString &sqliteFile, QString *error)
{
    if (!onPostgres())
        return sqliteFile;
    PostgresServer *pg = sharedServer(error);
    if (!pg)
        return {};
    static int databases = 0;
    const QString name = QStringLiteral("relay_%1").arg(++databases);
    if (!pg->createDatabase(name, error))
        return {};
    return pg->url(name);
}

} // namespace Serambi::Test
