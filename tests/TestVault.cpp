#include "app/AwaitTask.h"
#include "app/vault/Vault.h"
#include "tests/support/TestData.h"
#include "tests/support/TestKeychain.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QUuid>

// The vault against the real GNOME Keyring of the test's private session (with-keyring.sh).
class TestVault : public QObject
{
    Q_OBJECT

private:
    Vault m_vault;

    static QString account()
    {
        return QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    static bool expectNoKeychain()
    {
        return qEnvironmentVariableIsSet("KEYWAY_EXPECT_NO_KEYCHAIN");
    }

private slots:
    void init()
    {
        if (expectNoKeychain()
            && QString::fromLatin1(QTest::currentTestFunction()) != u"keychainUnreachable")
            QSKIP("this run has no keychain");
    }

    void writesReadsAndDeletes()
    {
        const QString name = account();
        QVERIFY(awaitTask(m_vault.write(name, QStringLiteral("sk-first-0123456789"))));
        QCOMPARE(TestKeychain::secret(name), QStringLiteral("sk-first-0123456789"));
        const auto read = awaitTask(m_vault.read(name));
        QVERIFY(read);
        QCOMPARE(*read, QStringLiteral("sk-first-0123456789"));

        QVERIFY(awaitTask(m_vault.write(name, QStringLiteral("sk-second-9876543210"))));
        QCOMPARE(*awaitTask(m_vault.read(name)), QStringLiteral("sk-second-9876543210"));
        QCOMPARE(TestKeychain::accounts().count(name), 1); // overwritten, not added

        QVERIFY(awaitTask(m_vault.remove(name)));
        QVERIFY(!TestKeychain::accounts().contains(name));
        const auto gone = awaitTask(m_vault.read(name));
        QVERIFY(!gone);
        QCOMPARE(gone.failure().kind, FailureKind::NotFound);
    }

    void storesUnderServiceKeyway()
    {
        const QString name = account();
        QVERIFY(awaitTask(m_vault.write(name, QStringLiteral("x"))));
        QVERIFY(TestKeychain::accounts().contains(name)); // found by server=Keyway
        QVERIFY(awaitTask(m_vault.remove(name)));
    }

    void keepsNonAsciiExactly()
    {
        const QString name = account();
        const QString secret = QStringLiteral("pässwörd-密钥-🔑-\u00a0end");
        QVERIFY(awaitTask(m_vault.write(name, secret)));
        QCOMPARE(*awaitTask(m_vault.read(name)), secret);
        QVERIFY(awaitTask(m_vault.remove(name)));
    }

    void keepsAServiceAccountJson()
    {
        const QString name = account();
        const QString json = TestData::serviceAccountJson();
        QVERIFY(json.size() >= 2500);
        QVERIFY(awaitTask(m_vault.write(name, json)));
        QCOMPARE(*awaitTask(m_vault.read(name)), json);
        QVERIFY(awaitTask(m_vault.remove(name)));
    }

    void removingWhatIsNotThereSucceeds() { QVERIFY(awaitTask(m_vault.remove(account()))); }

    void aLockedKeychainIsAClearFailure()
    {
        const QString name = account();
        QVERIFY(awaitTask(m_vault.write(name, QStringLiteral("before-lock"))));
        QVERIFY(TestKeychain::lockLoginCollection());

        Vault vault;
        vault.setTimeout(std::chrono::seconds(5));
        const auto written = awaitTask(vault.write(account(), QStringLiteral("while-locked")));
        QVERIFY(!written);
        QCOMPARE(written.failure().kind, FailureKind::Keychain);
        QVERIFY2(written.failure().message.contains(QStringLiteral("nlock")),
            qPrintable(written.failure().message));
    }

    // Run by the TestVaultWithoutKeychain registration, on a bus where no keychain answers.
    void keychainUnreachable()
    {
        if (!expectNoKeychain())
            QSKIP("this run has a keychain");
        QVERIFY(!TestKeychain::hasSecretsService());
        const auto written = awaitTask(m_vault.write(account(), QStringLiteral("nowhere")));
        QVERIFY(!written);
        QCOMPARE(written.failure().kind, FailureKind::Keychain);
        QVERIFY2(written.failure().message.contains(QStringLiteral("gnome-keyring")),
            qPrintable(written.failure().message));
        QVERIFY(written.failure().message.contains(
            QStringLiteral("never stores secrets in plain text")));
        // Nothing fell back to a plain settings file.
        QVERIFY(!QFileInfo::exists(QDir::home().filePath(QStringLiteral(".config/Keyway"))));
        const auto read = awaitTask(m_vault.read(account()));
        QCOMPARE(read.failure().kind, FailureKind::Keychain);
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "TestVault.moc"
