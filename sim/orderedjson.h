#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <initializer_list>
#include <utility>
#include <vector>

namespace Serambi::Sim {

// A JSON value whose objects keep their insertion order, serialised the way Meta serialises
// webhook bodies: compact, "/" escaped as "\/", every non-ASCII UTF-16 code unit as a lowercase
// "\uXXXX" escape. QJsonDocument sorts keys and emits raw UTF-8, so it cannot produce these bytes.
class OrderedJson
{
public:
    using Member = std::pair<QString, OrderedJson>;

    OrderedJson(); // null
    OrderedJson(bool value);
    OrderedJson(int value);
    OrderedJson(qint64 value);
    OrderedJson(double value);
    OrderedJson(const QString &value);
    OrderedJson(const QJsonValue &value); // objects come out with sorted keys

    static OrderedJson object(std::initializer_list<Member> members = {});
    static OrderedJson array(std::initializer_list<OrderedJson> items = {});

    bool isObject() const { return m_kind == Kind::Object; }
    bool isArray() const { return m_kind == Kind::Array; }

    // Objects: replaces an existing key in place, otherwise appends.
    void insert(const QString &key, const OrderedJson &value);
    // Arrays: appends.
    void append(const OrderedJson &value);

    QByteArray toMetaJson() const;
    QJsonValue toJsonValue() const;

private:
    enum class Kind { Null, Bool, Number, String, Array, Object };

    void write(QByteArray &out) const;

    Kind m_kind = Kind::Null;
    bool m_bool = false;
    double m_number = 0;
    QString m_string;
    std::vector<OrderedJson> m_items;
    std::vector<Member> m_members;
};

// Appends text as a JSON string literal (with quotes) in Meta's escaping.
void appendMetaJsonString(QByteArray &out, const QString &text);

} // namespace Serambi::Sim
