package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint that tells a kept store whether it already holds a dataset. */
class DatasetFingerprintTest {
    @TempDir
    Path temp;

    @Test
    void theSameFilesInTwoFoldersHaveTheSameFingerprint() {
        Path first = TestDatasets.copyTiny(temp.resolve("first"));
        Path second = TestDatasets.copyTiny(temp.resolve("second"));

        DatasetFingerprint fingerprint = DatasetFingerprint.of(first);

        assertThat(DatasetFingerprint.of(second)).isEqualTo(fingerprint);
        assertThat(fingerprint.shortId()).isEqualTo(DatasetFingerprint.of(second).shortId()).matches("[0-9a-f]{12}");
        assertThat(fingerprint.files()).extracting(DatasetFingerprint.FileEntry::name)
                .containsExactlyElementsOf(TestDatasets.TINY_FILES.stream().sorted().toList());
        assertThat(fingerprint.files().get(0).bytes()).isEqualTo(first.resolve("categories.json").toFile().length());
    }

    @Test
    void oneChangedByteOfTheSameSizeChangesTheFingerprint() throws IOException {
        Path original = TestDatasets.copyTiny(temp.resolve("original"));
        Path changed = TestDatasets.copyTiny(temp.resolve("changed"));
        Path transactions = changed.resolve("transactions.json");
        byte[] bytes = Files.readAllBytes(transactions);
        int digit = indexOfFirstDigit(bytes);
        bytes[digit] = (byte) (bytes[digit] == '9' ? '8' : bytes[digit] + 1);
        Files.write(transactions, bytes);

        DatasetFingerprint before = DatasetFingerprint.of(original);
        DatasetFingerprint after = DatasetFingerprint.of(changed);

        assertThat(after).isNotEqualTo(before);
        assertThat(after.shortId()).isNotEqualTo(before.shortId());
        // Same names and sizes: only the content hash tells them apart.
        assertThat(after.files()).extracting(DatasetFingerprint.FileEntry::bytes)
                .isEqualTo(before.files().stream().map(DatasetFingerprint.FileEntry::bytes).toList());
    }

    @Test
    void aWrittenFingerprintReadsBackEqualAndAMissingOrDamagedOneReadsAsNone() throws IOException {
        DatasetFingerprint fingerprint = DatasetFingerprint.of(TestDatasets.copyTiny(temp.resolve("dataset")));
        Path file = temp.resolve("mongodb.dataset");

        fingerprint.write(file);

        assertThat(DatasetFingerprint.read(file)).contains(fingerprint);
        assertThat(DatasetFingerprint.read(temp.resolve("absent"))).isEmpty();
        Files.writeString(file, "users.json not-a-size\n");
        assertThat(DatasetFingerprint.read(file)).isEqualTo(Optional.empty());
    }

    private static int indexOfFirstDigit(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                return i;
            }
        }
        throw new AssertionError("transactions.json holds no digit");
    }
}
