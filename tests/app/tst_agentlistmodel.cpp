// The agents a supervisor can give a chat to: parsed from list_agents, online first, then by
// name, under QAbstractItemModelTester.
#include "app/agentlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTest>

using namespace Serambi::App;

class TestAgentListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadAnAgentFromTheRelaysJson()
    {
        const QJsonObject json =
            QJsonDocument::fromJson(R"({"id":7,"username":"ayu","display_name":"Ayu Lestari",
                                        "role":"agent","online":true})")
                .object();
        const AgentInfo agent = AgentInfo::fromJson(json);
        QCOMPARE(agent.id, qint64(7));
        QCOMPARE(agent.username, QStringLiteral("ayu"));
        QCOMPARE(agent.displayName, QStringLiteral("Ayu Lestari"));
        QCOMPARE(agent.role, QStringLiteral("agent"));
        QVERIFY(agent.online);
    }

    void shouldListOnlineAgentsFirstThenByName()
    {
        AgentListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto agent = [](qint64 id, const QString &username, const QString &name,
                              const QString &role, bool online) {
            AgentInfo info;
            info.id = id;
            info.username = username;
            info.displayName = name;
            info.role = role;
            info.online = online;
            return info;
        };
        model.setAgents(
            {agent(1, QStringLiteral("dewi"), QStringLiteral("Dewi"), QStringLiteral("agent"),
                   false),
             agent(2, QStringLiteral("budi"), QStringLiteral("Budi"), QStringLiteral("supervisor"),
                   true),
             agent(3, QStringLiteral("citra"), QString(), QStringLiteral("agent"), false),
             agent(4, QStringLiteral("ayu"), QStringLiteral("Ayu"), QStringLiteral("agent"),
                   true)});
        QCOMPARE(model.rowCount(), 4);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row)
            order.append(model.index(row).data(AgentListModel::UsernameRole).toString());
        QCOMPARE(order, (QStringList{QStringLiteral("ayu"), QStringLiteral("budi"),
                                     QStringLiteral("citra"), QStringLiteral("dewi")}));
        // Without a display name, the username is shown.
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("citra"));
        QCOMPARE(model.index(1).data(AgentListModel::RoleRole).toString(),
                 QStringLiteral("supervisor"));
        QVERIFY(model.index(0).data(AgentListModel::OnlineRole).toBool());
        QVERIFY(!model.index(3).data(AgentListModel::OnlineRole).toBool());

        model.setAgents({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentListModel)
#include "tst_agentlistmodel.moc"
