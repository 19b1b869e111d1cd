package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EaterOptionsTest {

    @Test
    void only_size_is_required_and_the_rest_defaults() {
        EaterOptions options = EaterOptions.parse("--size", "1Gi");

        assertThat(options).isEqualTo(EaterOptions.defaults(new SizeSpec.Bytes(1L << 30)));
        assertThat(options.rate()).isEqualTo(new Rate.Max());
        assertThat(options.hold()).isEqualTo(new Hold.Forever());
        assertThat(options.chunkBytes()).isEqualTo(1L << 20);
        assertThat(options.strategy()).isEqualTo(Strategy.POPULATE);
        assertThat(options.mlock()).isFalse();
        assertThat(options.iKnow()).isFalse();
    }

    @Test
    void every_flag_in_both_spellings() {
        EaterOptions options = EaterOptions.parse("--size=50%cgroup", "--rate", "50Mi/s", "--hold=1h30m",
                "--chunk", "256Ki", "--strategy=touch", "--mlock", "--i-know");

        assertThat(options).isEqualTo(new EaterOptions(new SizeSpec.Percent(50, SizeBasis.CGROUP),
                new Rate.Paced(50L << 20), new Hold.For(Duration.ofMinutes(90)), 256L << 10, Strategy.TOUCH,
                true, true));
    }

    @Test
    void help_is_found_anywhere() {
        assertThat(EaterOptions.wantsHelp("--size", "1Gi", "-h")).isTrue();
        assertThat(EaterOptions.wantsHelp("--help")).isTrue();
        assertThat(EaterOptions.wantsHelp("--size", "1Gi")).isFalse();
        assertThat(EaterOptions.usage()).contains("--size SIZE", "--rate RATE", "--hold DURATION", "--chunk SIZE",
                "--strategy NAME", "--mlock", "--i-know", "Exit status");
    }

    @Test
    void size_is_required() {
        assertThat(catchThrowableOfType(UsageException.class, () -> EaterOptions.parse("--rate", "max")))
                .hasMessage("`--size` is required. For example: --size 512Mi");
    }

    @ParameterizedTest
    @CsvSource({"--size, --size 512Mi", "--rate, --rate 50Mi/s", "--hold, --hold 2m", "--chunk, --chunk 1Mi",
        "--strategy, --strategy populate"})
    void a_flag_without_its_value_says_which(String flag, String example) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> EaterOptions.parse(flag));

        assertThat(e.flag()).isEqualTo(flag);
        assertThat(e).hasMessage("`" + flag + "` needs a value. For example: " + example);
    }

    @Test
    void a_flag_followed_by_another_flag_has_no_value() {
        assertThat(catchThrowableOfType(UsageException.class, () -> EaterOptions.parse("--size", "--mlock")))
                .hasMessage("`--size` needs a value. For example: --size 512Mi");
    }

    @Test
    void a_flag_given_twice_is_refused() {
        assertThat(catchThrowableOfType(UsageException.class,
                () -> EaterOptions.parse("--size", "1Gi", "--size=2Gi")))
                .hasMessage("`--size` was given twice, as '1Gi' and as '2Gi'. Give it once, for example: --size 512Mi");
    }

    @Test
    void a_switch_given_twice_is_refused() {
        assertThat(catchThrowableOfType(UsageException.class,
                () -> EaterOptions.parse("--size", "1Gi", "--mlock", "--mlock")))
                .hasMessage("`--mlock` was given twice. Give it once, for example: --mlock");
    }

    @Test
    void an_unknown_flag_lists_the_known_ones() {
        UsageException e = catchThrowableOfType(UsageException.class, () -> EaterOptions.parse("--sise", "1Gi"));

        assertThat(e.flag()).isEqualTo("--sise");
        assertThat(e).hasMessage("Unknown flag `--sise`. Known flags: --size, --rate, --hold, --chunk, --strategy, "
                + "--mlock, --i-know, --help. For example: --size 512Mi --rate 50Mi/s");
    }

    @Test
    void a_bare_size_as_mem_eater_took_it_is_shown_the_flag() {
        assertThat(catchThrowableOfType(UsageException.class, () -> EaterOptions.parse("512")))
                .hasMessage("Unexpected argument '512': every setting is a flag. For example: --size 512Mi");
    }

    @Test
    void a_switch_takes_no_value() {
        assertThat(catchThrowableOfType(UsageException.class, () -> EaterOptions.parse("--size", "1Gi", "--mlock=yes")))
                .hasMessage("`--mlock` takes no value, but was given 'yes'. For example: --mlock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"32Ki", "100k", "17Mi", "96Ki1", "1Gi", "big"})
    void a_chunk_outside_64ki_to_16mi_or_not_a_multiple_of_64ki_is_refused(String chunk) {
        UsageException e = catchThrowableOfType(UsageException.class,
                () -> EaterOptions.parse("--size", "1Gi", "--chunk", chunk));

        assertThat(e).hasMessage("`--chunk` must be a multiple of 64Ki from 64Ki to 16Mi, but was '" + chunk
                + "'. For example: --chunk 1Mi");
    }

    @Test
    void a_paced_fill_takes_chunks_of_at_most_1mi() {
        assertThat(EaterOptions.parse("--size", "1Gi", "--chunk", "16Mi").chunkBytes()).isEqualTo(16L << 20);

        UsageException e = catchThrowableOfType(UsageException.class,
                () -> EaterOptions.parse("--size", "1Gi", "--chunk", "4Mi", "--rate", "200Mi/s"));

        assertThat(e.flag()).isEqualTo("--chunk");
        assertThat(e).hasMessage("`--chunk` must be at most 1Mi when `--rate` paces the fill (bigger chunks turn "
                + "the ramp into a staircase), but was '4Mi'. For example: --chunk 1Mi --rate 200Mi/s");
    }

    @Test
    void a_bad_strategy_lists_both() {
        assertThat(catchThrowableOfType(UsageException.class,
                () -> EaterOptions.parse("--size", "1Gi", "--strategy", "arena")))
                .hasMessage("`--strategy` must be populate or touch, but was 'arena'. For example: --strategy populate");
    }
}
