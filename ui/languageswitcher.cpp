#include "languageswitcher.h"

#include "uilogging.h"

#include <QCoreApplication>
#include <QLocale>

namespace Serambi::Ui {

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) {}

void LanguageSwitcher::apply(const QString &language)
{
    const bool indonesian = language == QLatin1String("id");
    // Dates and numbers follow the language; set before the LanguageChange goes out.
    QLocale::setDefault(indonesian ? QLocale(QLocale::Indonesian, QLocale::Indonesia)
                                   : QLocale(QLocale::English, QLocale::UnitedStates));
    // Installing or removing a translator sends QEvent::LanguageChange to every widget.
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    m_current = QStringLiteral("en");
    if (!indonesian)
        return;
    if (!m_translator.load(QStringLiteral(":/i18n/serambi_id.qm"))) {
        qCWarning(lcUi) << "the Indonesian catalogue is missing from the resources";
        return;
    }
    m_installed = QCoreApplication::installTranslator(&m_translator);
    m_current = QStringLiteral("id");
}

} // namespace Serambi::Ui
