#pragma once

#include <QObject>
#include <QTranslator>

namespace Serambi::Ui {

// Swaps the application's translator at runtime. Installing or removing a translator sends
// QEvent::LanguageChange to every widget, which then retranslates itself.
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    // "id" loads the embedded Indonesian catalogue; anything else shows the English source with
    // the embedded English plurals.
    void apply(const QString &language);
    QString current() const { return m_current; }

private:
    QTranslator m_translator;
    QString m_current = QStringLiteral("en");
    bool m_installed = false;
};

} // namespace Serambi::Ui
