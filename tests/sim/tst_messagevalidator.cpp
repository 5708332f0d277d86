#include "sim/messagevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Serambi::Sim;

namespace {

QJsonObject send(const QString &type, const QJsonValue &content)
{
    return QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                       {QStringLiteral("to"), QStringLiteral("+62 812-3456-7001")},
                       {QStringLiteral("type"), type},
                       {type, content}};
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QString repeat(int count, const QString &text = QStringLiteral("a"))
{
    return text.repeated(count);
}

QJsonObject button(const QString &id, const QString &title)
{
    return {{QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}}}};
}

QJsonObject buttons(const QJsonArray &list, const QString &body = QStringLiteral("Pilih ya"))
{
    return {{QStringLiteral("type"), QStringLiteral("button")},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), list}}}};
}

QJsonObject row(const QString &id, const QString &title = QStringLiteral("Reguler"))
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("title"), title}};
}

QJsonObject list(const QJsonArray &sections, const QString &label = QStringLiteral("Opsi"))
{
    return {
        {QStringLiteral("type"), QStringLiteral("list")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Kurir?")}}},
        {QStringLiteral("action"),
         QJsonObject{{QStringLiteral("button"), label}, {QStringLiteral("sections"), sections}}}};
}

QJsonObject section(const QJsonArray &rows, const QString &title = QStringLiteral("Kurir"))
{
    return {{QStringLiteral("title"), title}, {QStringLiteral("rows"), rows}};
}

QJsonArray rows(int count)
{
    QJsonArray result;
    for (int i = 0; i < count; ++i)
        result.append(row(QStringLiteral("r%1").arg(i)));
    return result;
}

QJsonObject templ(const QString &name, const QString &language, int bodyParameters)
{
    QJsonArray parameters;
    for (int i = 0; i < bodyParameters; ++i)
        parameters.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("text"), QStringLiteral("p%1").arg(i)}});
    return {{QStringLiteral("name"), name},
            {QStringLiteral("language"), QJsonObject{{QStringLiteral("code"), language}}},
            {QStringLiteral("components"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                    {QStringLiteral("parameters"), parameters}}}}};
}

} // namespace

class TestMessageValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAnswerEachRuleWithMetasCode_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("code"); // 0: accepted

        const QJsonObject text{{QStringLiteral("body"), QStringLiteral("Halo kak")}};
        QTest::newRow("text") << send(QStringLiteral("text"), text) << 0;
        QJsonObject noProduct = send(QStringLiteral("text"), text);
        noProduct.remove(QStringLiteral("messaging_product"));
        QTest::newRow("no messaging_product") << noProduct << 100;
        QJsonObject wrongProduct = send(QStringLiteral("text"), text);
        wrongProduct[QStringLiteral("messaging_product")] = QStringLiteral("instagram");
        QTest::newRow("wrong messaging_product") << wrongProduct << 100;
        QJsonObject both = send(QStringLiteral("text"), text);
        both[QStringLiteral("recipient")] = QStringLiteral("ID.123");
        QTest::newRow("to and recipient") << both << 100;
        QJsonObject neither = send(QStringLiteral("text"), text);
        neither.remove(QStringLiteral("to"));
        QTest::newRow("neither to nor recipient") << neither << 100;
        QJsonObject byRecipient = neither;
        byRecipient[QStringLiteral("recipient")] = QStringLiteral("ID.123");
        QTest::newRow("recipient only") << byRecipient << 0;
        QJsonObject badNumber = send(QStringLiteral("text"), text);
        badNumber[QStringLiteral("to")] = QStringLiteral("kakak");
        QTest::newRow("to not a number") << badNumber << 100;
        QTest::newRow("unknown type") << send(QStringLiteral("carousel"), text) << 100;
        QTest::newRow("empty text")
            << send(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), QString()}})
            << 100;
        QTest::newRow("text 4097")
            << send(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), repeat(4097)}})
            << 100;
        QTest::newRow("text of 4096 emoji")
            << send(QStringLiteral("text"),
                    QJsonObject{{QStringLiteral("body"), repeat(4096, QStringLiteral("😡"))}})
            << 0;

        QTest::newRow("image by link")
            << send(QStringLiteral("image"), parse("{\"link\":\"https://example.com/a.png\"}"))
            << 0;
        QTest::newRow("image id and link")
            << send(QStringLiteral("image"),
                    parse("{\"id\":\"1\",\"link\":\"https://e.com/a.png\"}"))
            << 100;
        QTest::newRow("image neither id nor link")
            << send(QStringLiteral("image"), parse("{\"caption\":\"x\"}")) << 100;
        QTest::newRow("caption 1025")
            << send(QStringLiteral("document"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                {QStringLiteral("caption"), repeat(1025)}})
            << 100;
        QTest::newRow("audio with caption")
            << send(QStringLiteral("audio"), parse("{\"id\":\"1\",\"caption\":\"x\"}")) << 100;
        QTest::newRow("location") << send(QStringLiteral("location"),
                                          parse("{\"latitude\":\"-6.2\",\"longitude\":106.8}"))
                                  << 0;
        QTest::newRow("location without latitude")
            << send(QStringLiteral("location"), parse("{\"longitude\":106.8}")) << 100;
        QTest::newRow("contacts without formatted_name")
            << send(QStringLiteral("contacts"),
                    parse("{\"a\":[{\"name\":{\"first_name\":\"A\"}}]}").value(QStringLiteral("a")))
            << 100;
        QTest::newRow("reaction") << send(QStringLiteral("reaction"),
                                          parse("{\"message_id\":\"wamid.X\",\"emoji\":\"👍\"}"))
                                  << 0;
        QTest::newRow("reaction without message_id")
            << send(QStringLiteral("reaction"), parse("{\"emoji\":\"👍\"}")) << 100;

        const QJsonObject ok1 = button(QStringLiteral("a"), QStringLiteral("Ya"));
        const QJsonObject ok2 = button(QStringLiteral("b"), QStringLiteral("Tidak"));
        const QJsonObject ok3 = button(QStringLiteral("c"), QStringLiteral("Nanti"));
        QTest::newRow("three buttons")
            << send(QStringLiteral("interactive"), buttons({ok1, ok2, ok3})) << 0;
        QTest::newRow("four buttons")
            << send(QStringLiteral("interactive"),
                    buttons({ok1, ok2, ok3, button(QStringLiteral("d"), QStringLiteral("D"))}))
            << 100;
        QTest::newRow("no buttons") << send(QStringLiteral("interactive"), buttons({})) << 100;
        QTest::newRow("duplicate button id")
            << send(QStringLiteral("interactive"),
                    buttons({ok1, button(QStringLiteral("a"), QStringLiteral("Lain"))}))
            << 100;
        QTest::newRow("duplicate button title")
            << send(QStringLiteral("interactive"),
                    buttons({ok1, button(QStringLiteral("z"), QStringLiteral("Ya"))}))
            << 100;
        QTest::newRow("button title 21") << send(QStringLiteral("interactive"),
                                                 buttons({button(QStringLiteral("a"), repeat(21))}))
                                         << 100;
        QTest::newRow("button id 257") << send(QStringLiteral("interactive"),
                                               buttons({button(repeat(257), QStringLiteral("Ya"))}))
                                       << 100;
        QTest::newRow("button body 1025")
            << send(QStringLiteral("interactive"), buttons({ok1}, repeat(1025))) << 100;
        QJsonObject longFooter = buttons({ok1});
        longFooter[QStringLiteral("footer")] = QJsonObject{{QStringLiteral("text"), repeat(61)}};
        QTest::newRow("footer 61") << send(QStringLiteral("interactive"), longFooter) << 100;
        QJsonObject longHeader = buttons({ok1});
        longHeader[QStringLiteral("header")] = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), repeat(61)}};
        QTest::newRow("header 61") << send(QStringLiteral("interactive"), longHeader) << 100;

        QTest::newRow("list") << send(QStringLiteral("interactive"), list({section(rows(10))}))
                              << 0;
        QTest::newRow("list label 21")
            << send(QStringLiteral("interactive"), list({section(rows(1))}, repeat(21))) << 100;
        QJsonArray elevenSections;
        for (int i = 0; i < 11; ++i)
            elevenSections.append(
                section({row(QStringLiteral("s%1").arg(i))}, QStringLiteral("S%1").arg(i)));
        QTest::newRow("11 sections")
            << send(QStringLiteral("interactive"), list(elevenSections)) << 100;
        QTest::newRow("11 rows across sections")
            << send(QStringLiteral("interactive"),
                    list({section(rows(6), QStringLiteral("A")),
                          section({row(QStringLiteral("x1")), row(QStringLiteral("x2")),
                                   row(QStringLiteral("x3")), row(QStringLiteral("x4")),
                                   row(QStringLiteral("x5"))},
                                  QStringLiteral("B"))}))
            << 100;
        QTest::newRow("section title 25")
            << send(QStringLiteral("interactive"), list({section(rows(1), repeat(25))})) << 100;
        QTest::newRow("row id 201")
            << send(QStringLiteral("interactive"), list({section({row(repeat(201))})})) << 100;
        QTest::newRow("row title 25")
            << send(QStringLiteral("interactive"),
                    list({section({row(QStringLiteral("a"), repeat(25))})}))
            << 100;
        QJsonObject described = row(QStringLiteral("a"));
        described[QStringLiteral("description")] = repeat(73);
        QTest::newRow("row description 73")
            << send(QStringLiteral("interactive"), list({section({described})})) << 100;
        QJsonObject longListBody = list({section(rows(1))});
        longListBody[QStringLiteral("body")] = QJsonObject{{QStringLiteral("text"), repeat(4097)}};
        QTest::newRow("list body 4097") << send(QStringLiteral("interactive"), longListBody) << 100;

        QTest::newRow("cta_url") << send(QStringLiteral("interactive"),
                                         parse("{\"type\":\"cta_url\",\"body\":{\"text\":\"Cek "
                                               "resi\"},\"action\":{\"name\":\"cta_url\",\n"
                                               "                            "
                                               "\"parameters\":{\"display_text\":\"Lacak\",\"url\":"
                                               "\"https://example.com/t\"}}}"))
                                 << 0;
        QTest::newRow("cta_url display text 21")
            << send(QStringLiteral("interactive"),
                    parse("{\"type\":\"cta_url\",\"body\":{\"text\":\"Cek "
                          "resi\"},\"action\":{\"name\":\"cta_url\",\n"
                          "                            \"parameters\":{\"display_text\":\"Lacak "
                          "pesanan sekarang\",\"url\":\"https://e.com\"}}}"))
            << 100;

        QTest::newRow("template") << send(QStringLiteral("template"),
                                          templ(QStringLiteral("order_update"),
                                                QStringLiteral("id"), 2))
                                  << 0;
        QTest::newRow("template unknown name")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("order_updates"), QStringLiteral("id"), 2))
            << 132001;
        QTest::newRow("template wrong language")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("order_update"), QStringLiteral("en_GB"), 2))
            << 132001;
        QTest::newRow("template pending")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("promo_ramadan"), QStringLiteral("id"), 2))
            << 132001;
        QTest::newRow("template rejected")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("diskon_kilat"), QStringLiteral("id"), 1))
            << 132001;
        QTest::newRow("template too few parameters")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("order_update"), QStringLiteral("id"), 1))
            << 132000;
        QTest::newRow("template header parameter missing")
            << send(QStringLiteral("template"),
                    templ(QStringLiteral("pengingat_pembayaran"), QStringLiteral("id"), 4))
            << 132000;
    }

    void shouldAnswerEachRuleWithMetasCode()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, code);
        const TemplateCatalog catalog;
        const std::optional<GraphError> error = validateMessage(body, catalog);
        QCOMPARE(error ? error->code : 0, code);
        if (error) {
            QVERIFY(!error->title.isEmpty());
            QVERIFY(!error->details.isEmpty());
        }
    }

    void shouldCheckMarkAsReadBodies()
    {
        QVERIFY(!validateMarkRead(parse("{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                                        "\"message_id\":\"wamid.X\"}")));
        QVERIFY(!validateMarkRead(parse(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\n"
            "            \"message_id\":\"wamid.X\",\"typing_indicator\":{\"type\":\"text\"}}")));
        QCOMPARE(validateMarkRead(parse("{\"messaging_product\":\"whatsapp\",\"status\":\"read\"}"))
                     ->code,
                 100);
        QCOMPARE(validateMarkRead(
                     parse("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\n"
                           "            "
                           "\"message_id\":\"wamid.X\",\"typing_indicator\":{\"type\":\"audio\"}}"))
                     ->code,
                 100);
    }

    void shouldNormalizePhoneNumbersLikeMeta()
    {
        QCOMPARE(normalizePhoneNumber(QStringLiteral("+62 (812) 3456-7001")),
                 QStringLiteral("6281234567001"));
        QVERIFY(normalizePhoneNumber(QStringLiteral("62abc")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMessageValidator)
#include "tst_messagevalidator.moc"
