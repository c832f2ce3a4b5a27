package dev.trailhound.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrincipalTest {
    private static Principal root(String invokedBy) {
        return new Principal("Root", "arn:aws:iam::111122223333:root", "111122223333", "111122223333", null, null,
                invokedBy, null, null, null, null, null, false);
    }

    @Test
    void services_acting_for_a_principal_are_services_but_the_sign_in_service_is_the_person() {
        assertThat(root("cloudformation.amazonaws.com").isAwsService()).isTrue();
        assertThat(root("signin.amazonaws.com").isAwsService()).as("a root user's own console action").isFalse();
        assertThat(root(null).isAwsService()).isFalse();
        assertThat(new Principal("AWSService", null, null, null, null, null, null, null, null, null, null, null, false).isAwsService()).isTrue();
    }
}
