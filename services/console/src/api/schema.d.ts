/**
 * Generated from the gateway's merged OpenAPI document (GET /openapi.json) by
 * `npm run api:generate`. Do not edit: services/console/test/api-types.int-spec.ts fails when
 * this file and the live document differ.
 */

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jwks"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description `waiting`: not yet redriven (the default); `redriven`; or `all`. */
                    state?: "all" | "redriven" | "waiting";
                    /** @description One service's topic; all of them when absent. */
                    topic?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeadLetterView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/dead-letters/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts one dead letter, or all of a topic's waiting ones, back for the consumer group that gave up on them. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RedriveDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Redriven"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/figures/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offers, accepts, declines and timeouts per provider, and how evenly each community's jobs were shared (Gini). */
        get: {
            parameters: {
                query: {
                    community?: string;
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ProviderFiguresView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open jobs in the caller's scope, breached first, with the time left on each deadline. */
        get: {
            parameters: {
                query?: {
                    community?: string;
                    limit?: number;
                    /** @description One state; without it, every open state. */
                    state?: "assigned" | "cancelled" | "completed" | "manual" | "offering" | "on_site" | "signed_off";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff in scope, or the provider holding the job. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assigns or reassigns by hand, with the reason; refused naming the rule the provider breaks. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["dispatch.AssignDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The provider gives the job back; it is offered to the next candidate. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["dispatch.ProviderCancelDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ranked candidates at each level searched, with the reason for every score and exclusion. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.StoredRanking"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["dispatch.CompleteDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every offer ever made for the job, oldest first, with how each ended. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.Offer"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/{requestId}/on-site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/jobs/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.JobView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.OfferView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/offers/{offerId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    offerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.OfferView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/offers/{offerId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    offerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["dispatch.DeclineDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["dispatch.OfferView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.UpdateOwnProfileDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/merchant/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.KeyView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/api-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues a new key (shown once) with the rotating key's scopes; the current ones keep working for the grace period, then are revoked. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.IssuedKey"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitJob"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/jobs/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitJob"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/offerings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Offering"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/offerings/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.PutOfferingDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Offering"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Scorecard"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.EndpointView"][];
                    };
                };
            };
        };
        put?: never;
        /** Answers the endpoint with its `whsec_` secret, this once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.CreateEndpointDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.CreatedEndpoint"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/{endpointId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.EndpointView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret, shown once; the previous one also signs for 24 h. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.RotatedSecret"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    endpointId?: string;
                    since?: string;
                    status?: "delivered" | "failed" | "pending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DeliveryView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DeliveryView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DeliveryView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/me/webhooks/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReplayDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Replayed"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/public/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    category?: string;
                    /** @description A community's org path: units covering it (or its street, or the district). */
                    community?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DirectoryListing"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/public/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DirectoryListing"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: "active" | "applied" | "retired" | "suspended" | "verified";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.CreateUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.UpdateUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/merchant/units/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.KeyView"][];
                    };
                };
            };
        };
        put?: never;
        /** The unit's first key, or a replacement after a leak (`rotate` keeps the others for the grace period). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.IssueKeyDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.IssuedKey"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/api-keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contact person's phone unmasked, for a stated purpose, audited. */
        get: {
            parameters: {
                query: {
                    purpose: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitContact"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/display-name/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The display name the unit asked for becomes the verified one, used in events and residents' SMS. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReviewDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/display-name/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReviewDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitStatusChange"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/offerings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Offering"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/offerings/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.PutOfferingDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Offering"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/offerings/{category}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A category the unit added itself starts counting for dispatch and the directory. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReviewDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Offering"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/offerings/{category}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReviewDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Scorecard"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** verify, activate, suspend, reinstate or retire: `{ to, reason }`; an illegal move is a 409 saying why. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.MoveUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.UnitView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.EndpointView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    endpointId?: string;
                    since?: string;
                    status?: "delivered" | "failed" | "pending";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DeliveryView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/webhooks/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.DeliveryView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/{id}/webhooks/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["merchant.ReplayDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.Replayed"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merchant/units/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Names and categories the units in scope asked for, waiting for an admin's review. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["merchant.PendingUnitView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/comments/{requestId}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["rating.ScreeningDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.Screened"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/comments/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.PendingComment"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    level: "category" | "community" | "district" | "provider" | "street";
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.FigureView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/figures/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 红黑榜: the month's best (red) and worst (black, worst first) streets or communities. */
        get: {
            parameters: {
                query: {
                    level: "community" | "street";
                    month: string;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.Rankings"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/figures/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuilds the figures from the stored facts and says whether the incremental ones agree; audited, as a repair rewrites them all. */
        post: {
            parameters: {
                query?: {
                    repair?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.RecomputeView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "closed" | "open";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.FollowUpView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/follow-ups/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["rating.OutcomeDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.FollowUpClosed"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/public/providers/{providerId}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    providerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ProviderScorecard"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/public/rate/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/public/rating-page.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/public/ratings/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["rating.LinkRateDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.LinkRating"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/ratings/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.RatingHistory"];
                    };
                };
            };
        };
        /** A correction: a new revision that replaces the last; the history is kept. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["rating.AmendDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.RatingRow"];
                    };
                };
            };
        };
        /** An agent records the resident's rating during the follow-up call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["rating.RateDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.RatingRow"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rating/reports/{unitCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    format?: "csv" | "json";
                    month: string;
                };
                header?: never;
                path: {
                    unitCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.ErrorBody"];
                    };
                };
                /** @description The report; with format=csv, one CSV line per unit (the unit first) as an attachment. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rating.UnitReport"];
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Default `open`: the queue. */
                    status?: "all" | "done" | "open" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CallbackView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/callbacks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.DoneCallbackDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CallbackView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/callers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Caller lookup: `?phone=13812345678` (any common spelling) or `?suffix=5678`. */
        get: {
            parameters: {
                query?: {
                    phone?: string;
                    suffix?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The call log, newest first. */
        get: {
            parameters: {
                query?: {
                    direction?: "in" | "out";
                    /** @description Calls that arrived at or after this instant (default: the last 24 hours). */
                    from?: string;
                    householdId?: string;
                    limit?: number;
                    outcome?: "abandoned" | "answered" | "blocked" | "missed";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CallView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One call: its timeline and the requests taken during it. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CallDetailView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/calls/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Answer rate, abandoned rate, waits, handling, calls per agent-hour, callbacks on time; `format=csv` for a spreadsheet. */
        get: {
            parameters: {
                query: {
                    bucket?: "day" | "hour";
                    /** @description `all`, or per street or community of the caller's household. */
                    by?: "all" | "community" | "street";
                    format?: "csv" | "json";
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                /** @description The figures; with format=csv, one line per period and group, then the total, as an attachment. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CallFiguresView"];
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/catalogue/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    community?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CategoryView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/catalogue/communities/{community}/categories/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A community turns a category off for itself (or back on). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                    community: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.SwitchDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CategoryView"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ExtensionView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/extensions/{extension}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** An agent is at one extension at a time: mapping them here frees their previous one. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    extension: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.MapExtensionDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ExtensionView"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    extension: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/history-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A district moving onto Bangbang brings its past: completed requests from its previous hotline
         *     system, at most 200 a call. Only the district's own admin may, since the figures of every
         *     street and community under it will count them; each call is audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.HistoryImportDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HistoryImportView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retried safely with the same `Idempotency-Key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.CreateHouseholdDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/{householdId}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    householdId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.FeeEligibility"][];
                    };
                };
            };
        };
        put?: never;
        /** Retried safely with the same `Idempotency-Key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    householdId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.GrantDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.FeeEligibility"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/{householdId}/eligibility/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    householdId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.FeeEligibility"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    purpose?: string;
                    unmasked?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/{id}/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.ResidentDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm (or correct) a household made from a report; its requests stop showing as provisional. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.VerifyHouseholdDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/households/provisional": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.HouseholdView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ClientView"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.CreateClientDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CreatedClientView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311-clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ClientView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311/v2/discovery.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311Discovery"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311/v2/requests.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    end_date?: string;
                    jurisdiction_id?: string;
                    /** @description Paging is not in GeoReport v2 itself; `page`/`page_size` is the common extension. */
                    page?: number;
                    page_size?: number;
                    service_code?: string;
                    service_request_id?: string;
                    start_date?: string;
                    status?: "closed" | "open";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311Request"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Form-encoded (or JSON). Besides these fields, the answers to the service's attributes (see services/{service_code}.json) as `attribute[code]`, and `attribute[code][]` for each value of a multivaluelist. */
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.Open311CreateDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311Created"][];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311/v2/requests/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311Request"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311/v2/services.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311ServiceDef"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/open311/v2/services/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Open311ServiceDefinition"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/public/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 201 with the request number and status only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.BookingDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.Booked"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/public/bookings/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 202 with the same body whether or not the phone is registered: nobody learns who is. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.VerificationRequestDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.VerificationSent"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/public/catalogue/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's categories, without those the named community has switched off. */
        get: {
            parameters: {
                query?: {
                    community?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.PublicCategory"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/public/catalogue/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.PublicCommunity"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/public/requests/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.PublicStatusView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    community?: string;
                    /** @description `true`: only requests of households made from a report and not yet verified; `false`: none of them. */
                    provisional?: "false" | "true";
                    status?: "assigned" | "cancelled" | "closed" | "completed" | "dispatching" | "escalated" | "on_site" | "received" | "signed_off";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"][];
                    };
                };
            };
        };
        put?: never;
        /** Intake by an agent; retried safely with the same `Idempotency-Key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.CreateRequestDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.CancelDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the assigned provider's visit: the full address and a number, audited. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.VisitContact"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign-off confirmed by the resident on the agent's follow-up call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.FollowUpDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.ReopenDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The assigned provider hands in the resident's one-time code. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["request.SignOffDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.RequestView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/request/requests/{id}/sign-off-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new code for the resident; at most MAX_CODES_SENT a day, none once wrong tries are used up. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.ErrorBody"];
                    };
                };
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request.CodeSent"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: activities in their scope; an approved volunteer: those open to their community, with their own sign-ups marked. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ActivityListed"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.ActivityDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Activity"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/activities/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ActivityAttendance"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/activities/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.AttendanceDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.CheckedIn"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/activities/{id}/check-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.AttendanceDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.CheckedOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/activities/{id}/signups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.SignedUp"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A volunteer (signed in as one at the gateway) applies; a rejected applicant may apply again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.ApplicationDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.UnitFigures"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/ledger/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger reconciled as a whole: for the district and its auditors. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.LedgerCheck"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/ledger/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.CorrectionDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Correction"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.AvailabilityDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/exchanges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retried safely with the same `Idempotency-Key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.ExchangeDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Exchanged"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.PointsHistoryEntry"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offers made to me; accept or decline them through dispatch's API. */
        get: {
            parameters: {
                query?: {
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.OfferView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance, lifetime points and star level. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.PointsView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/me/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Any period; by default from the first entry until now. Opening + movements = closing. */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Statement"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/points/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.PointsConfigView"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.PointsConfigDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.PointsConfigView"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/public/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Teams with a member holding a valid certificate for it. */
                    category?: string;
                    /** @description A community's org path: teams placed in it, its street or the district. */
                    community?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.PublicTeam"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rankings by community, street or district for a month or a year. Staff see units in their
         *     scope; an approved volunteer sees their own community, street and district.
         */
        get: {
            parameters: {
                query: {
                    /** @description `2026-11` for a month, `2026` for a year; the current one by default. */
                    label?: string;
                    period: "month" | "year";
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerRankings"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff see the rewards in their scope; an approved volunteer those offered to their community. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Reward"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.RewardDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Reward"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/rewards/{id}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retried safely with the same `Idempotency-Key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Redeemed"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/rewards/{id}/restock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.RestockDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Reward"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/stars/year-end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    unit: string;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.YearEndList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/stars/year-end/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.YearEndConfirmDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.YearEndList"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: the teams in their scope; a volunteer: the teams they belong to. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.TeamListed"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.TeamDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.TeamView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.TeamView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/teams/{id}/members/{volunteerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    volunteerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.MemberDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Membership"];
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    volunteerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerSummary"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.ReviewDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.SpecialtyDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.RejectDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.RejectDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.Statement"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.RejectDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteer/volunteers/{id}/training": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["volunteer.TrainingDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["volunteer.VolunteerDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    from?: string;
                    page?: number;
                    pageSize?: number;
                    /** @description `type` or `type:id`, e.g. `staff_user:3e0f…`. */
                    resource?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrincipalView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opens a volunteer account, which then signs in; the volunteer applies at the volunteer service. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VolunteerSignupDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignupAccepted"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/blocked-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description `true` (default): only blocks in force now; `false`: the whole record, lifted and expired too. */
                    active?: "false" | "true";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BlockedNumberView"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BlockNumberDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BlockedNumberView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/blocked-numbers/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LiftBlockDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BlockedNumberView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/pbx/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The PBX’s CTI token, issued by a district admin. */
                    "x-cti-token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PbxEventDto"];
                    "application/x-www-form-urlencoded": components["schemas"]["PbxEventDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PbxAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/pbx/verdict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asked before putting a caller through: `reject` for a blocked number. */
        get: {
            parameters: {
                query: {
                    from: string;
                };
                header: {
                    /** @description The PBX’s CTI token, issued by a district admin. */
                    "x-cti-token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PbxVerdict"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CtiTokenView"][];
                    };
                };
            };
        };
        put?: never;
        /** The token is in this answer only; the gateway keeps its hash. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IssueCtiTokenDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedCtiToken"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cti/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CtiTokenView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitV1"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitV1"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitV1"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RenameUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitV1"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/directory/units/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RetireUnitDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgUnitV1"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsumersHealth"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description Events `ready`, then `change` (a LiveChange as JSON) and `call` (a LiveCall as JSON: the screen pop and what follows it), and `: ping` comments. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"][];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUserDto"];
                };
            };
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    purpose?: string;
                    /** @description Unmasked contact data is served only on explicit request, with a purpose, and audited. */
                    unmasked?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Refused: bad input, not signed in, not allowed, not found or in conflict. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditPage: {
            items: components["schemas"]["AuditRecord"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuditRecord: {
            action: string;
            actorId: string;
            actorKind: string;
            actorRole: string;
            correlationId: string | null;
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            /** @description The actor's scope: an admin reading the log sees the records of actors in their subtree. */
            orgPath: string;
            purpose: string | null;
            /** Format: date-time */
            recordedAt: string;
            resourceId: string;
            resourceType: string;
            /** @description The service that recorded it: gateway, or the domain service whose event brought it. */
            source: string;
            /** @description The HTTP status, for records the gateway makes of proxied changes. */
            status: number | null;
            userAgent: string | null;
        };
        BlockedNumberView: {
            /** @description Rejected now: not lifted and not expired. */
            active: boolean;
            /** Format: date-time */
            blockedAt: string;
            blockedBy: string;
            /** Format: date-time */
            expiresAt: string | null;
            id: string;
            /** Format: date-time */
            liftedAt: string | null;
            liftedBy: string | null;
            /** @description National format, e.g. `13812345678` or `0510-82345678`. */
            number: string;
            orgPath: string;
            reason: string;
        };
        BlockNumberDto: {
            /** @description Until when; absent: until lifted. */
            expiresAt?: string;
            /** @description A mobile or a landline with its area code, in any usual spelling. */
            number: string;
            reason: string;
        };
        CallerCardV1: {
            /** @description Masked, as in the household's default view. */
            address?: string;
            communityCode?: string;
            /** Format: uuid */
            householdId?: string;
            name?: string;
            /** @description The number in national format (`13812345678`, `0510-82345678`), or as the PBX sent it when it is not a phone number. */
            number: string;
            openRequests: components["schemas"]["OpenRequestCardV1"][];
        };
        ConsumerHealth: {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        ConsumersHealth: {
            consumers: components["schemas"]["ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        CreateUnitDto: {
            code: string;
            /** @enum {string} */
            level: "community" | "street";
            namePinyin: string;
            nameZh: string;
            parentCode: string;
        };
        CreateUserDto: {
            displayName: string;
            password: string;
            phone?: string;
            /** @enum {string} */
            role: "agent" | "auditor" | "community_admin" | "district_admin" | "street_admin";
            unitCode: string;
            username: string;
        };
        CtiTokenView: {
            id: string;
            /** Format: date-time */
            issuedAt: string;
            issuedBy: string;
            name: string;
            orgPath: string;
            /** @description The token's first 12 characters. */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        DeadLetterView: {
            attempts: number | null;
            consumerGroup: string | null;
            deadLetteredAt: string | null;
            error: string | null;
            eventId: string | null;
            eventType: string | null;
            key: string | null;
            offset: string;
            /** @description Its place in `<topic>.dlq`: what a redrive names. */
            partition: number;
            /** @description `malformed`, `contract` or `handler`. */
            reason: string | null;
            redrivenAt: string | null;
            redrivenBy: string | null;
            sourceOffset: string | null;
            sourcePartition: number | null;
            topic: string;
        };
        "dispatch.AssignDto": {
            providerId: string;
            reason: string;
        };
        "dispatch.CandidateView": {
            displayName: string;
            factors: components["schemas"]["dispatch.FactorScores"];
            /** @description The resident's choice, or the provider whose work is redone: offered first. */
            preferred: boolean;
            providerId: string;
            /** @enum {string} */
            providerKind: "merchant" | "social_org" | "volunteer";
            rank: number;
            score: number;
        };
        "dispatch.CommunityDistribution": {
            communityId: string;
            /** @description 0 when every provider got as many jobs as the others; towards 1 as one got them all. */
            gini: number;
            jobs: number;
            orgPath: string;
            providers: number;
            /** @description The busiest provider's share of the jobs. */
            topShare: number;
        };
        "dispatch.CompleteDto": {
            notes?: string;
            /** @description In fen (0.01 yuan); 0 for a free job. */
            priceChargedFen: number;
        };
        "dispatch.ConsumerHealth": {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        "dispatch.ConsumersHealth": {
            consumers: components["schemas"]["dispatch.ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        "dispatch.DeclineDto": {
            reason?: string;
        };
        "dispatch.ErrorBody": {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        "dispatch.ExcludedView": {
            providerId: string;
            reason: string;
            /** @enum {string} */
            rule: "already-offered" | "capacity" | "category" | "coverage" | "free-jobs" | "inactive" | "job-limit" | "paused" | "unavailable";
        };
        "dispatch.FactorScores": {
            distance?: components["schemas"]["dispatch.FactorScoreView"];
            fairness?: components["schemas"]["dispatch.FactorScoreView"];
            load?: components["schemas"]["dispatch.FactorScoreView"];
            quality?: components["schemas"]["dispatch.FactorScoreView"];
            reliability?: components["schemas"]["dispatch.FactorScoreView"];
        };
        "dispatch.FactorScoreView": {
            reason: string;
            /** @description 0..1. */
            score: number;
        };
        "dispatch.JobView": {
            /** Format: date-time */
            assignedAt: string | null;
            breached: {
                resolution: boolean;
                response: boolean;
            };
            categoryCode: string;
            communityId: string;
            /** Format: date-time */
            completedAt: string | null;
            /** @enum {string} */
            feePolicy: "free" | "low_cost";
            /** @enum {string} */
            level: "community" | "district" | "manual" | "street";
            manualReason: string | null;
            /** Format: date-time */
            onSiteAt: string | null;
            orgPath: string;
            provider: {
                id: string;
                kind: string;
                name: string;
            };
            /** Format: date-time */
            receivedAt: string;
            requestId: string;
            requestNumber: string;
            /** Format: date-time */
            resolutionDueAt: string;
            resolutionLeftMs: number | null;
            /** Format: date-time */
            responseDueAt: string;
            /** @description Milliseconds to the deadline (negative once past); null once met. */
            responseLeftMs: number | null;
            /** @enum {string} */
            state: "assigned" | "cancelled" | "completed" | "manual" | "offering" | "on_site" | "signed_off";
            /** @enum {string} */
            urgency: "complex" | "emergency" | "general" | "utilities";
        };
        "dispatch.Liveness": {
            /** @enum {string} */
            status: "ok";
        };
        "dispatch.Offer": {
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            level: "community" | "district" | "manual" | "street";
            /** Format: date-time */
            offeredAt: string;
            /** @description The dispatch instance that made the offer. */
            offeredBy: string;
            offerId: string;
            providerId: string;
            /** @enum {string} */
            providerKind: "merchant" | "social_org" | "volunteer";
            /** @description Why it was declined (the provider's words) or withdrawn (taken, cancelled, reassigned). */
            reason: string | null;
            requestId: string;
            /** Format: date-time */
            resolvedAt: string | null;
            round: number;
            /** @enum {string} */
            status: "accepted" | "declined" | "expired" | "open" | "withdrawn";
        };
        "dispatch.OfferView": {
            /** Format: date-time */
            expiresAt: string;
            job: Record<string, never>;
            offerId: string;
            requestId: string;
            /** @enum {string} */
            status: "accepted" | "declined" | "expired" | "open" | "withdrawn";
        };
        "dispatch.ProviderCancelDto": {
            reason: string;
        };
        "dispatch.ProviderFiguresView": {
            communities: components["schemas"]["dispatch.CommunityDistribution"][];
            month: string;
            providers: components["schemas"]["dispatch.ProviderOfferFigures"][];
        };
        "dispatch.ProviderOfferFigures": {
            accepted: number;
            declined: number;
            displayName: string | null;
            /** @description Jobs of the month it holds or held (by offer or by hand). */
            jobs: number;
            offers: number;
            open: number;
            providerId: string;
            providerKind: string;
            /** @description Offers that ran out their clock unanswered. */
            timedOut: number;
            /** @description Offers ended by another's acceptance, a cancellation or an assignment by hand. */
            withdrawn: number;
        };
        "dispatch.Readiness": {
            consumers: components["schemas"]["dispatch.ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        "dispatch.StoredRanking": {
            excluded: components["schemas"]["dispatch.ExcludedView"][];
            /** @enum {string} */
            level: "community" | "district" | "manual" | "street";
            ranked: components["schemas"]["dispatch.CandidateView"][];
            rankedAt: string;
            round: number;
            scope: string;
        };
        ErrorBody: {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        IssueCtiTokenDto: {
            /** @description Which PBX this is, for telling tokens apart (e.g. `主中继 Asterisk`). */
            name: string;
        };
        IssuedCtiToken: {
            id: string;
            /** Format: date-time */
            issuedAt: string;
            issuedBy: string;
            name: string;
            orgPath: string;
            /** @description The token's first 12 characters. */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description Shown this once: give it to the PBX as the `X-CTI-Token` header. */
            token: string;
        };
        Jwks: {
            keys: Record<string, never>[];
        };
        LiftBlockDto: {
            reason: string;
        };
        LiveCall: {
            /** @description The agent it rang for, or who answered, or who did the callback. */
            agentId?: string;
            at: string;
            callbackId?: string;
            /** @description The screen pop: only in call-rang. */
            caller?: components["schemas"]["CallerCardV1"];
            callId: string;
            extension?: string;
            id: string;
            orgPath: string;
            /** @description How the call ended (call-ended). */
            outcome?: string;
            type: string;
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        LoginDto: {
            password: string;
            username: string;
        };
        "merchant.AvailabilityV1": {
            /** @description 7×24: the windows are ignored. */
            always: boolean;
            windows: components["schemas"]["merchant.WeeklyWindow"][];
        };
        "merchant.ConsumerHealth": {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        "merchant.ConsumersHealth": {
            consumers: components["schemas"]["merchant.ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        "merchant.CreatedEndpoint": {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deletedAt: string | null;
            description: string | null;
            disabledReason: string | null;
            enabled: boolean;
            eventTypes: string[];
            /**
             * Format: date-time
             * @description Since the first failure after the last success; cleared by a success.
             */
            failingSince: string | null;
            id: string;
            orgPath: string;
            /** Format: date-time */
            previousSecretUntil: string | null;
            rotating: boolean;
            secret: string;
            unitId: string;
            url: string;
        };
        "merchant.CreateEndpointDto": {
            description?: string;
            /** @description Defaults to every type. */
            eventTypes?: string[];
            /** @description https on 443; the SSRF guard checks it here and again at every connection. */
            url: string;
        };
        "merchant.CreateUnitDto": {
            contactName: string;
            contactPhone: string;
            /** @description Defaults to the unit's own org path. */
            coverage?: string[];
            displayName: string;
            /** @enum {string} */
            kind: "merchant" | "social_org";
            legalName: string;
            licenceNo: string;
            maxConcurrentJobs: number;
            orgPath: string;
            reason: string;
            serviceHours: components["schemas"]["merchant.AvailabilityV1"];
            takesFreeJobs: boolean;
        };
        "merchant.DeliveryView": {
            attemptLog?: components["schemas"]["merchant.WebhookAttempt"][];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            endpointId: string;
            eventType: string;
            /** Format: date-time */
            finishedAt: string | null;
            id: string;
            lastError: string | null;
            lastStatusCode: number | null;
            /** @description The `webhook-id` header: the same on every attempt and replay, so receivers can deduplicate. */
            messageId: string;
            /** Format: date-time */
            nextAttemptAt: string | null;
            orgPath: string;
            /** @enum {string} */
            status: "delivered" | "failed" | "pending";
            /** @description Attempts made in the current round of the schedule (a replay starts a new round). */
            step: number;
            unitId: string;
        };
        "merchant.DirectoryListing": {
            coverage: string[];
            credibility: number;
            displayName: string;
            id: string;
            /** @enum {string} */
            kind: "merchant" | "social_org";
            offerings: components["schemas"]["merchant.DirectoryOffering"][];
            satisfaction: components["schemas"]["merchant.DirectorySatisfaction"];
            serviceHours: components["schemas"]["merchant.AvailabilityV1"];
            takesFreeJobs: boolean;
        };
        "merchant.DirectoryOffering": {
            categoryCode: string;
            description: string;
            priceMaxFen: number;
            /** @description In fen. */
            priceMinFen: number;
        };
        "merchant.DirectorySatisfaction": {
            rate: number;
            samples: number;
        };
        "merchant.EndpointView": {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deletedAt: string | null;
            description: string | null;
            disabledReason: string | null;
            enabled: boolean;
            eventTypes: string[];
            /**
             * Format: date-time
             * @description Since the first failure after the last success; cleared by a success.
             */
            failingSince: string | null;
            id: string;
            orgPath: string;
            /** Format: date-time */
            previousSecretUntil: string | null;
            rotating: boolean;
            unitId: string;
            url: string;
        };
        "merchant.ErrorBody": {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        "merchant.IssuedKey": {
            /** @description Shown this once: only its hash is kept. */
            apiKey: string;
            /** Format: date-time */
            issuedAt: string;
            keyId: string;
            prefix: string;
            scopes: ("jobs" | "manage")[];
        };
        "merchant.IssueKeyDto": {
            /** @description `jobs` is always granted; `manage` must be asked for. */
            scopes?: ("jobs" | "manage")[];
        };
        "merchant.KeyView": {
            /** Format: date-time */
            issuedAt: string;
            keyId: string;
            orgPath: string;
            prefix: string;
            /**
             * Format: date-time
             * @description Set by a rotation: the old key keeps working until then.
             */
            revokeAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description `jobs` always; `manage` only when the issuing admin asked for it (see API_KEY_SCOPES). */
            scopes: ("jobs" | "manage")[];
            unitId: string;
        };
        "merchant.Liveness": {
            /** @enum {string} */
            status: "ok";
        };
        "merchant.MoveUnitDto": {
            reason: string;
            /** @enum {string} */
            to: "active" | "applied" | "retired" | "suspended" | "verified";
        };
        "merchant.Offering": {
            /** @description A category the unit added itself counts (dispatch, directory) only once an admin approved it. */
            approved: boolean;
            categoryCode: string;
            description: string;
            priceMaxFen: number;
            /** @description In fen; equal to the maximum for a fixed price. */
            priceMinFen: number;
            unitId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        "merchant.PendingUnitView": {
            contactName: string;
            contactPhone: string | null;
            coverage: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description The verified name: the only one events, the directory and residents' SMS carry. */
            displayName: string;
            id: string;
            /** @enum {string} */
            kind: "merchant" | "social_org";
            legalName: string;
            licenceNo: string;
            maxConcurrentJobs: number;
            /** @description Where the unit is registered: the admins whose scope covers it look after it. */
            orgPath: string;
            pendingCategories: string[];
            /** @description A name the unit gave itself, waiting for an admin of its scope. */
            pendingDisplayName: string | null;
            serviceHours: components["schemas"]["merchant.AvailabilityV1"];
            /** @enum {string} */
            status: "active" | "applied" | "retired" | "suspended" | "verified";
            statusReason: string;
            takesFreeJobs: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description Of the provider profile snapshot: bumped on every change dispatch must hear about. */
            version: number;
        };
        "merchant.PutOfferingDto": {
            description: string;
            /** @description In fen; absent for a fixed price. */
            priceMaxFen?: number;
            /** @description In fen (0.01 yuan). A fixed price gives only this. */
            priceMinFen: number;
        };
        "merchant.Readiness": {
            consumers: components["schemas"]["merchant.ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        "merchant.ReplayDto": {
            /** @description Replays every failed delivery created at or after this time. */
            since: string;
        };
        "merchant.Replayed": {
            replayed: number;
        };
        "merchant.ReviewDto": {
            reason: string;
        };
        "merchant.RotatedSecret": {
            /** Format: date-time */
            previousSecretValidUntil: string;
            secret: string;
        };
        "merchant.Scorecard": {
            components: Record<string, never>;
            flaggedForReview: boolean;
            formula: string;
            /** @description The rating service's figures (Bayesian score, response and resolution rates), when it has sent them. */
            quality: Record<string, never> | null;
            reviewThreshold: number;
            score: number;
            unitId: string;
            version: number;
        };
        "merchant.UnitContact": {
            contactName: string;
            contactPhone: string;
        };
        "merchant.UnitJob": {
            /** Format: date-time */
            assignedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            categoryCode: string;
            /** Format: date-time */
            completedAt: string | null;
            deadlineBreached: boolean;
            /** @enum {string|null} */
            feePolicy: "free" | "low_cost" | null;
            finishedOnTime: boolean | null;
            /** @description Whether the unit holds the job now (assigned and neither cancelled, reassigned nor finished). */
            holding: boolean;
            /** Format: date-time */
            onSiteAt: string | null;
            orgPath: string;
            overchargeFlagged: boolean;
            priceChargedFen: number | null;
            redoCount: number;
            requestId: string;
            /** Format: date-time */
            signedOffAt: string | null;
            unitId: string;
        };
        "merchant.UnitStatusChange": {
            /** Format: date-time */
            at: string;
            /** @description The admin's (or the unit's) user id. */
            by: string;
            /**
             * @description null on the unit's first status.
             * @enum {string|null}
             */
            from: "active" | "applied" | "retired" | "suspended" | "verified" | null;
            reason: string;
            /** @enum {string} */
            to: "active" | "applied" | "retired" | "suspended" | "verified";
        };
        "merchant.UnitView": {
            contactName: string;
            contactPhone: string | null;
            coverage: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description The verified name: the only one events, the directory and residents' SMS carry. */
            displayName: string;
            id: string;
            /** @enum {string} */
            kind: "merchant" | "social_org";
            legalName: string;
            licenceNo: string;
            maxConcurrentJobs: number;
            /** @description Where the unit is registered: the admins whose scope covers it look after it. */
            orgPath: string;
            /** @description A name the unit gave itself, waiting for an admin of its scope. */
            pendingDisplayName: string | null;
            serviceHours: components["schemas"]["merchant.AvailabilityV1"];
            /** @enum {string} */
            status: "active" | "applied" | "retired" | "suspended" | "verified";
            statusReason: string;
            takesFreeJobs: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description Of the provider profile snapshot: bumped on every change dispatch must hear about. */
            version: number;
        };
        "merchant.UpdateOwnProfileDto": {
            contactName?: string;
            contactPhone?: string;
            displayName?: string;
            maxConcurrentJobs?: number;
            serviceHours?: components["schemas"]["merchant.AvailabilityV1"];
            takesFreeJobs?: boolean;
        };
        "merchant.UpdateUnitDto": {
            contactName?: string;
            contactPhone?: string;
            coverage?: string[];
            displayName?: string;
            legalName?: string;
            licenceNo?: string;
            maxConcurrentJobs?: number;
            serviceHours?: components["schemas"]["merchant.AvailabilityV1"];
            takesFreeJobs?: boolean;
        };
        "merchant.WebhookAttempt": {
            attempt: number;
            deliveryId: string;
            error: string | null;
            id: string;
            latencyMs: number;
            outcome: string;
            /** Format: date-time */
            startedAt: string;
            statusCode: number | null;
        };
        "merchant.WeeklyWindow": {
            day: number;
            from: string;
            to: string;
        };
        OpenRequestCardV1: {
            categoryCode: string;
            /** Format: uuid */
            id: string;
            number: string;
            status: string;
        };
        OrgUnitV1: {
            code: string;
            /** @enum {string} */
            level: "community" | "district" | "street";
            namePinyin: string;
            nameZh: string;
            /** @description Absent for a district, the root of its tree. */
            parentCode?: string | null;
            path: string;
            /** @enum {string} */
            status: "active" | "retired";
        };
        PbxAnswer: {
            accepted: boolean;
            /**
             * @description `reject`: the caller's number is blocked; the PBX should refuse the call.
             * @enum {string}
             */
            action: "accept" | "reject";
            /** @description Already received (same callId and event; for ringing and transfer, same extension too): taken once, not again. */
            duplicate: boolean;
            /** @enum {string} */
            reason?: "blocked";
        };
        PbxEventDto: {
            agentId?: string;
            at?: string;
            /** Format: uuid */
            callbackId?: string;
            callId: string;
            /** @enum {string} */
            cause?: "abandoned" | "busy" | "cancel" | "congestion" | "failed" | "noAnswer" | "normal";
            /** @enum {string} */
            direction?: "in" | "out";
            /** @enum {string} */
            event: "answer" | "hangup" | "newCall" | "ringing" | "transfer";
            extension?: string;
            from?: string;
            to?: string;
        };
        PbxVerdict: {
            /** @enum {string} */
            action: "accept" | "reject";
            /** @enum {string} */
            reason?: "blocked";
        };
        PrincipalView: {
            credential?: string;
            id: string;
            /** @enum {string} */
            kind: "merchant" | "resident" | "staff" | "volunteer";
            name: string;
            org: string;
            orgPath: string;
            /** @enum {string} */
            role: "agent" | "auditor" | "community_admin" | "district_admin" | "merchant" | "resident" | "street_admin" | "volunteer";
            scopes?: string[];
        };
        "rating.AmendDto": {
            /** @description Shown publicly only after an admin has screened it. */
            comment?: string;
            /**
             * @description 对服务方的评价: the provider who did the job.
             * @enum {string}
             */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            reason?: string;
            solved: boolean;
            tags?: string[];
            /**
             * @description 对帮帮团的评价: the help team.
             * @enum {string}
             */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
        };
        "rating.ConsumerHealth": {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        "rating.ConsumersHealth": {
            consumers: components["schemas"]["rating.ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        "rating.CountsDifference": {
            breaches?: number;
            providerOk?: number;
            providerStars?: number;
            ratings?: number;
            resolutionDue?: number;
            resolutionOk?: number;
            responseDue?: number;
            responseOk?: number;
            tagPolite?: number;
            tagPriceAsQuoted?: number;
            tagPunctual?: number;
            tagTidy?: number;
            teamOk?: number;
        };
        "rating.ErrorBody": {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        "rating.FigureCounts": {
            breaches: number;
            providerOk: number;
            providerStars: number;
            ratings: number;
            resolutionDue: number;
            resolutionOk: number;
            responseDue: number;
            responseOk: number;
            tagPolite: number;
            tagPriceAsQuoted: number;
            tagPunctual: number;
            tagTidy: number;
            teamOk: number;
        };
        "rating.FiguresMismatch": {
            recomputed: components["schemas"]["rating.CountsDifference"] | null;
            row: string;
            stored: components["schemas"]["rating.CountsDifference"] | null;
        };
        "rating.FigureView": {
            code: string;
            composite: number | null;
            counts: components["schemas"]["rating.FigureCounts"];
            key: string;
            /** @enum {string} */
            level: "category" | "community" | "district" | "provider" | "street";
            month: string;
            name: string | null;
            providerSatisfaction: number | null;
            resolutionRate: number | null;
            responseRate: number | null;
            teamSatisfaction: number | null;
        };
        "rating.FollowUpClosed": {
            id: string;
            requestId: string;
            /** @enum {string} */
            result: "reached" | "refused" | "unreachable";
            /** @enum {string} */
            status: "closed";
        };
        "rating.FollowUpView": {
            categoryCode: string;
            /** Format: date-time */
            closedAt: string | null;
            closedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The job's dispatch cycle: a redone job is followed up again. */
            cycle: number;
            id: string;
            notes: string | null;
            orgPath: string;
            /**
             * @description Why it is queued: no rating came, or what the resident's rating said.
             * @enum {string}
             */
            reason: "dissatisfied" | "not_rated" | "not_solved";
            requestId: string;
            /**
             * @description How the call went, or `rated` when the resident rated before anyone called.
             * @enum {string|null}
             */
            result: "rated" | "reached" | "refused" | "unreachable" | null;
            /** @enum {string} */
            status: "closed" | "open";
        };
        "rating.LinkRateDto": {
            /** @description Shown publicly only after an admin has screened it. */
            comment?: string;
            /**
             * @description 对服务方的评价: the provider who did the job.
             * @enum {string}
             */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            solved: boolean;
            tags?: string[];
            /**
             * @description 对帮帮团的评价: the help team.
             * @enum {string}
             */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
            token: string;
        };
        "rating.LinkRating": {
            /** @enum {string} */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            requestId: string;
            revision: number;
            solved: boolean;
            tags: string[];
            /** @enum {string} */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
        };
        "rating.Liveness": {
            /** @enum {string} */
            status: "ok";
        };
        "rating.OutcomeDto": {
            notes?: string;
            /**
             * @description Whether the agent got hold of the resident; a rating given on the call goes to POST /ratings.
             * @enum {string}
             */
            result: "reached" | "refused" | "unreachable";
        };
        "rating.PendingComment": {
            comment: string;
            orgPath: string;
            providerId: string;
            /** Format: date-time */
            ratedAt: string;
            requestId: string;
            revision: number;
        };
        "rating.ProviderScorecard": {
            bayesianScore: number;
            comments: {
                comment: string;
                day: string;
                provider: string;
            }[];
            meanStars: number | null;
            prior: Record<string, never>;
            providerId: string;
            providerKind: string;
            ratingsCount: number;
            recent: components["schemas"]["rating.RecentFigures"];
            recentDays: number;
            topTags: {
                count: number;
                tag: string;
            }[];
        };
        "rating.Rankings": {
            black: components["schemas"]["rating.FigureView"][];
            /** @enum {string} */
            level: "community" | "street";
            month: string;
            red: components["schemas"]["rating.FigureView"][];
        };
        "rating.RateDto": {
            /** @description Shown publicly only after an admin has screened it. */
            comment?: string;
            /**
             * @description 对服务方的评价: the provider who did the job.
             * @enum {string}
             */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            solved: boolean;
            tags?: string[];
            /**
             * @description 对帮帮团的评价: the help team.
             * @enum {string}
             */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
        };
        "rating.RatingHistory": {
            rating: components["schemas"]["rating.RatingRow"];
            revisions: Record<string, never>[];
        };
        "rating.RatingRow": {
            category_code: string;
            channel: string;
            comment: string | null;
            comment_status: string;
            cycle: number;
            /** Format: date-time */
            first_rated_at: string;
            org_path: string;
            /** @enum {string} */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            provider_id: string;
            provider_kind: string;
            /** Format: date-time */
            rated_at: string;
            rated_by: string;
            rating_id: string;
            request_id: string;
            revision: number;
            solved: boolean;
            tags: string[];
            /** @enum {string} */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
        };
        "rating.Readiness": {
            consumers: components["schemas"]["rating.ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        "rating.RecentFigures": {
            composite: number | null;
            ratedJobs: number;
            resolutionJobs: number;
            resolutionRate: number | null;
            responseJobs: number;
            responseRate: number | null;
            satisfactionRate: number | null;
        };
        "rating.RecomputeView": {
            equal: boolean;
            jobs: number;
            mismatches: components["schemas"]["rating.FiguresMismatch"][];
            repaired: boolean;
            rows: number;
        };
        "rating.ReportChart": {
            labels: string[];
            series: components["schemas"]["rating.ReportSeries"][];
        };
        "rating.ReportSeries": {
            data: Record<string, never>[];
            /** @enum {string} */
            key: "composite" | "providerSatisfaction" | "resolutionRate" | "responseRate" | "teamSatisfaction";
            name: string;
            /** @enum {string} */
            unit: "%";
        };
        "rating.ReportUnit": {
            code: string;
            /** @enum {string} */
            level: "community" | "district" | "street";
            name: string;
            path: string;
        };
        "rating.Screened": {
            /** @enum {string} */
            commentStatus: "approved" | "rejected";
            requestId: string;
        };
        "rating.ScreeningDto": {
            /** @enum {string} */
            decision: "approved" | "rejected";
        };
        "rating.UnitReport": {
            byDay: components["schemas"]["rating.ReportChart"];
            byUnit: components["schemas"]["rating.ReportChart"];
            month: string;
            total: components["schemas"]["rating.FigureView"];
            unit: components["schemas"]["rating.ReportUnit"];
            weights: components["schemas"]["rating.WeightsView"];
        };
        "rating.WeightsView": {
            resolution: number;
            response: number;
            satisfaction: number;
        };
        Readiness: {
            consumers: components["schemas"]["ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        RedriveDto: {
            all?: boolean;
            offset?: string;
            partition?: number;
            /** @description Why it is safe to apply now (the fix that was deployed, the data that was corrected); audited. */
            reason: string;
            topic: string;
        };
        Redriven: {
            redriven: number;
        };
        RefreshDto: {
            refreshToken: string;
        };
        RenameUnitDto: {
            namePinyin: string;
            nameZh: string;
        };
        "request.Booked": {
            number: string;
            status: string;
        };
        "request.BookingDto": {
            categoryCode: string;
            /** @description The provider the resident chose from the directory; dispatch offers it the job first if it can take it. */
            chosenProviderId?: string;
            code: string;
            description: string;
            /**
             * Format: uuid
             * @description Which of the resident's households, when the phone is registered at several.
             */
            householdId?: string;
            phone: string;
            preferredWindow?: components["schemas"]["request.WindowDto"];
        };
        "request.CallbackView": {
            attempts: number;
            /** @description The (first) missed call. */
            callId: string;
            communityCode: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            doneAt: string | null;
            doneBy: string | null;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            escalatedAt: string | null;
            /** @enum {string|null} */
            escalationLevel: "district" | "street" | null;
            householdId: string | null;
            id: string;
            missedCalls: number;
            note: string | null;
            /** @description In national format, to dial; masked for auditors. */
            number: string | null;
            orgPath: string;
            /** @description Open and past its deadline. */
            overdue: boolean;
            /** @enum {string} */
            reason: "abandoned" | "missed";
            returnCallId: string | null;
            /** @enum {string} */
            status: "done" | "open" | "withdrawn";
        };
        "request.CallDetailView": {
            /** Format: date-time */
            answeredAt: string | null;
            answeredBy: string | null;
            answeredExtension: string | null;
            /** Format: date-time */
            arrivedAt: string;
            blocked: boolean;
            /** @description Outbound: the callback it returns. */
            callbackId: string | null;
            /** @enum {string|null} */
            cause: "abandoned" | "busy" | "cancel" | "congestion" | "failed" | "noAnswer" | "normal" | null;
            communityCode: string | null;
            /** @enum {string} */
            direction: "in" | "out";
            /** Format: date-time */
            endedAt: string | null;
            householdId: string | null;
            id: string;
            /** @description Masked (`138****5678`); the callback queue shows the whole number to the desk. */
            number: string | null;
            orgPath: string;
            /**
             * @description Null while the call goes on.
             * @enum {string|null}
             */
            outcome: "abandoned" | "answered" | "blocked" | "missed" | null;
            /** @description The PBX's id for the call. */
            pbxCallId: string;
            /** @description Requests taken during the call. */
            requests: components["schemas"]["request.CallRequestView"][];
            streetCode: string | null;
            talkSeconds: number;
            /** @description The PBX's reports in the order they happened. */
            timeline: components["schemas"]["request.CallEntryView"][];
            waitSeconds: number;
        };
        "request.CallEntryView": {
            agentId?: string;
            at: string;
            /** @enum {string} */
            cause?: "abandoned" | "busy" | "cancel" | "congestion" | "failed" | "noAnswer" | "normal";
            /** @enum {string} */
            event: "answer" | "hangup" | "newCall" | "ringing" | "transfer";
            extension?: string;
        };
        "request.CallFigures": {
            abandoned: number;
            abandonedRate: number | null;
            /** @description Hours in which an agent answered at least one call, summed over agents. */
            agentHours: number;
            answered: number;
            /** @description 接通率: answered / offered. Null when nothing was offered. */
            answerRate: number | null;
            /** @description Seconds from answer to hang-up, over answered calls. */
            avgHandlingSeconds: number | null;
            /** @description Seconds from arrival to answer, over answered calls. */
            avgWaitSeconds: number | null;
            /** @description Callbacks opened in the period. */
            callbacks: number;
            callbacksDoneOnTime: number;
            /** @description Done on time / callbacks done or already due; null when none is settled yet. */
            callbacksOnTimeRate: number | null;
            callsPerAgentHour: number | null;
            /** @description The street or community code of the caller's household (`unknown`: a number no household has), or `all`. */
            group: string;
            missed: number;
            /** @description Inbound calls that ended, not counting rejected (blocked) numbers. */
            offered: number;
            /** @description The 90th percentile of the same (nearest rank). */
            p90WaitSeconds: number | null;
            /** @description China time: `YYYY-MM-DD HH:00` per hour, `YYYY-MM-DD` per day, `total` for the whole range. */
            period: string;
        };
        "request.CallFiguresView": {
            bucket: string;
            by: string;
            from: string;
            rows: components["schemas"]["request.CallFigures"][];
            to: string;
            total: components["schemas"]["request.CallFigures"];
        };
        "request.CallRequestView": {
            categoryCode: string;
            id: string;
            number: string;
            status: string;
        };
        "request.CallView": {
            /** Format: date-time */
            answeredAt: string | null;
            answeredBy: string | null;
            answeredExtension: string | null;
            /** Format: date-time */
            arrivedAt: string;
            blocked: boolean;
            /** @description Outbound: the callback it returns. */
            callbackId: string | null;
            /** @enum {string|null} */
            cause: "abandoned" | "busy" | "cancel" | "congestion" | "failed" | "noAnswer" | "normal" | null;
            communityCode: string | null;
            /** @enum {string} */
            direction: "in" | "out";
            /** Format: date-time */
            endedAt: string | null;
            householdId: string | null;
            id: string;
            /** @description Masked (`138****5678`); the callback queue shows the whole number to the desk. */
            number: string | null;
            orgPath: string;
            /**
             * @description Null while the call goes on.
             * @enum {string|null}
             */
            outcome: "abandoned" | "answered" | "blocked" | "missed" | null;
            /** @description The PBX's id for the call. */
            pbxCallId: string;
            streetCode: string | null;
            talkSeconds: number;
            waitSeconds: number;
        };
        "request.CancelDto": {
            /** @enum {string} */
            by: "agent" | "resident";
            reason: string;
        };
        "request.CategoryView": {
            /** @description Extra facts asked when the request is made, as GeoReport v2 service definition attributes. */
            attributes: components["schemas"]["request.ServiceAttribute"][];
            code: string;
            description: string;
            enabled: boolean;
            groupCode: string;
            /** @enum {string} */
            kind: "consultation" | "home_service";
            nameEn: string;
            nameZh: string;
            /** @description Whether Open311 shows this category's requests to strangers (see the migration for which do not). */
            publicListing: boolean;
            /** @enum {string} */
            urgency: "complex" | "emergency" | "general" | "utilities";
        };
        "request.ClientView": {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: string;
            name: string;
            orgPath: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        "request.CodeSent": {
            sent: boolean;
        };
        "request.ConsumerHealth": {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        "request.ConsumersHealth": {
            consumers: components["schemas"]["request.ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        "request.CreateClientDto": {
            name: string;
        };
        "request.CreatedClientView": {
            apiKey: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: string;
            name: string;
            orgPath: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        "request.CreateHouseholdDto": {
            address: string;
            communityCode: string;
            lat?: number;
            lng?: number;
            residents: components["schemas"]["request.ResidentDto"][];
        };
        "request.CreateRequestDto": {
            /** @description For a consultation answered on the spot: the answer given; the request is then closed. */
            answer?: string;
            /**
             * Format: uuid
             * @description The call it is taken on (the screen pop's callId), so the call log lists it.
             */
            callId?: string;
            categoryCode: string;
            chosenProviderId?: string;
            description: string;
            /** Format: uuid */
            householdId: string;
            preferredWindow?: components["schemas"]["request.WindowDto"];
            /**
             * Format: uuid
             * @description Who called, when the household has several residents; they get the messages.
             */
            residentId?: string;
            /**
             * @description Overrides the category's urgency class, e.g. a leak flooding a flat is an emergency.
             * @enum {string}
             */
            urgency?: "complex" | "emergency" | "general" | "utilities";
        };
        "request.DoneCallbackDto": {
            /**
             * Format: uuid
             * @description The outbound call that returned it, when the PBX did not say so itself.
             */
            callId?: string;
            /** @description What the resident said, or how they were reached. */
            note?: string;
        };
        "request.ErrorBody": {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        "request.ExtensionView": {
            agentId: string;
            extension: string;
            orgPath: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
        };
        "request.FeeEligibility": {
            evidence: string;
            /** Format: date-time */
            grantedAt: string;
            grantedBy: string;
            householdId: string;
            id: string;
            orgPath: string;
            /** @enum {string} */
            reason: "disability_in_difficulty" | "elderly_living_alone" | "subsistence_allowance" | "sudden_hardship";
            /** Format: date-time */
            revokedAt: string | null;
            revokedBy: string | null;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
        };
        "request.FeeGrantView": {
            /** @enum {string} */
            reason: "disability_in_difficulty" | "elderly_living_alone" | "subsistence_allowance" | "sudden_hardship";
            /** Format: date-time */
            validUntil: string;
        };
        "request.FollowUpDto": {
            note?: string;
            /** @description Whether the resident says the problem is fixed. */
            solved: boolean;
        };
        "request.GrantDto": {
            /** @description What was checked: a certificate number, a visit report... */
            evidence: string;
            /** @enum {string} */
            reason: "disability_in_difficulty" | "elderly_living_alone" | "subsistence_allowance" | "sudden_hardship";
            validFrom?: string;
            validUntil: string;
        };
        "request.HistoryImportDto": {
            records: components["schemas"]["request.PastRequestDto"][];
            /** @description The previous system's name, as the records' namespace. */
            source: string;
        };
        "request.HistoryImportView": {
            alreadyImported: number;
            imported: number;
            records: Record<string, never>[];
            source: string;
        };
        "request.HouseholdView": {
            address: string | null;
            communityCode: string;
            contactMasked: boolean;
            /**
             * @description The grant behind a free policy, only in the unmasked (audited) view: why a household is free
             *     (a subsistence allowance, a disability) is as personal as its full address. Null otherwise.
             */
            feeGrant: components["schemas"]["request.FeeGrantView"] | null;
            /** @enum {string} */
            feePolicy: "free" | "low_cost";
            id: string;
            lastRequests: components["schemas"]["request.RequestSummary"][];
            openRequests: components["schemas"]["request.RequestSummary"][];
            /** @description For a household made from a report: how it was placed (community-name, neighbours, street-name, fallback). */
            placedBy: string | null;
            /** @description Made from a report by someone not registered, waiting for staff to confirm or correct it. */
            provisional: boolean;
            residents: components["schemas"]["request.ResidentView"][];
            /** Format: date-time */
            verifiedAt: string | null;
            verifiedBy: string | null;
        };
        "request.Liveness": {
            /** @enum {string} */
            status: "ok";
        };
        "request.MapExtensionDto": {
            /** @description The agent's user id; an agent may only map themselves. */
            agentId: string;
        };
        "request.Open311Created": {
            account_id: string | null;
            service_notice: string | null;
            service_request_id: string;
        };
        "request.Open311CreateDto": {
            account_id?: string;
            /**
             * Format: uuid
             * @description The household id, as given back in address_id.
             */
            address_id?: string;
            address_string?: string;
            api_key: string;
            description?: string;
            device_id?: string;
            email?: string;
            first_name?: string;
            jurisdiction_id?: string;
            last_name?: string;
            lat?: string;
            long?: string;
            media_url?: string;
            phone?: string;
            service_code: string;
        };
        "request.Open311Discovery": {
            changeset: string;
            contact: string;
            endpoints: components["schemas"]["request.Open311Endpoint"][];
            key_service: string;
        };
        "request.Open311Endpoint": {
            changeset: string;
            formats: string[];
            specification: string;
            /** @enum {string} */
            type: "production" | "test";
            url: string;
        };
        "request.Open311Request": {
            address: string | null;
            address_id: string | null;
            agency_responsible: string | null;
            description: string | null;
            expected_datetime: string | null;
            lat: number | null;
            long: number | null;
            media_url: string | null;
            requested_datetime: string;
            service_code: string;
            service_name: string;
            service_notice: string | null;
            service_request_id: string;
            /** @enum {string} */
            status: "closed" | "open";
            status_notes: string | null;
            updated_datetime: string;
            zipcode: string | null;
        };
        "request.Open311ServiceDef": {
            description: string;
            group: string;
            keywords: string;
            metadata: boolean;
            service_code: string;
            service_name: string;
            /** @enum {string} */
            type: "batch" | "blackbox" | "realtime";
        };
        "request.Open311ServiceDefinition": {
            attributes: components["schemas"]["request.ServiceAttribute"][];
            service_code: string;
        };
        "request.PastRatingDto": {
            /** @enum {string} */
            provider: "basically_satisfied" | "dissatisfied" | "satisfied";
            ratedAt: string;
            solved: boolean;
            tags: string[];
            /** @enum {string} */
            team: "basically_satisfied" | "dissatisfied" | "satisfied";
        };
        "request.PastRequestDto": {
            acceptedAt: string;
            categoryCode: string;
            description: string;
            /** @description The record's id in the previous system: importing it again changes nothing. */
            externalRef: string;
            /** @description The caller's number: the old system knows people by it, and it finds their household here. */
            phone: string;
            priceChargedFen?: number;
            /** @description A provider registered on Bangbang (unit or volunteer id), who did the job in the old system. */
            providerId: string;
            /** @enum {string} */
            providerKind: "merchant" | "social_org" | "volunteer";
            rating?: components["schemas"]["request.PastRatingDto"];
            receivedAt: string;
            signedOffAt: string;
            solved: boolean;
            /** @enum {string} */
            urgency?: "complex" | "emergency" | "general" | "utilities";
        };
        "request.PublicCategory": {
            code: string;
            groupCode: string;
            kind: string;
            name: string;
        };
        "request.PublicCommunity": {
            code: string;
            name: string;
            orgPath: string;
            streetName: string;
        };
        "request.PublicStatusView": {
            categoryName: string;
            number: string;
            preferredWindow: {
                from: string;
                to: string;
            };
            /** @description The provider's name as the assignment SMS gave it, once one holds the job. */
            providerName: string | null;
            receivedAt: string;
            status: string;
            steps: components["schemas"]["request.StatusStep"][];
        };
        "request.Readiness": {
            consumers: components["schemas"]["request.ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        "request.ReopenDto": {
            reason: string;
        };
        "request.RequestSummary": {
            categoryCode: string;
            id: string;
            number: string;
            /** Format: date-time */
            receivedAt: string;
            status: string;
        };
        "request.RequestView": {
            address: string | null;
            answer: string | null;
            arrivedAt: string | null;
            assignedAt: string | null;
            attributes: {
                [key: string]: unknown;
            };
            cancelReason: string | null;
            categoryCode: string;
            channel: string;
            chosenProviderId: string | null;
            closedAt: string | null;
            communityCode: string;
            completedAt: string | null;
            description: string;
            escalationLevel: string | null;
            feePolicy: string;
            householdId: string;
            id: string;
            kind: string;
            number: string;
            orgPath: string;
            preferredWindow: {
                from: string;
                to: string;
            };
            priceChargedFen: number | null;
            provider: {
                id: string;
                kind: string | null;
                name: string | null;
            };
            /** @description The household came from a report (Open311) and waits for staff to confirm or correct it. */
            provisionalHousehold: boolean;
            receivedAt: string;
            reopenCount: number;
            residentId: string | null;
            resolutionDueAt: string;
            responseDueAt: string;
            signedOffAt: string | null;
            solved: boolean | null;
            status: string;
            timeline?: components["schemas"]["request.TimelineItem"][];
            urgency: string;
        };
        "request.ResidentDto": {
            name: string;
            /** @description Checked and normalised by the service, which names the offending entry. */
            phones: string[];
            /** @enum {string} */
            preferredContact?: "call" | "sms" | "wechat";
            tags?: ("child" | "disabled" | "elderly_living_alone" | "new_form_worker" | "newcomer")[];
        };
        "request.ResidentView": {
            id: string;
            name: string;
            /** @description Masked unless the household was read unmasked, on purpose. */
            phones: string[];
            preferredContact: string;
            tags: string[];
        };
        "request.ServiceAttribute": {
            code: string;
            /** @enum {string} */
            datatype: "multivaluelist" | "number" | "singlevaluelist" | "string" | "text";
            datatype_description: string | null;
            description: string;
            order: number;
            required: boolean;
            values?: components["schemas"]["request.ServiceAttributeValue"][];
            variable: boolean;
        };
        "request.ServiceAttributeValue": {
            key: string;
            name: string;
        };
        "request.SignOffDto": {
            code: string;
            solved: boolean;
        };
        "request.StatusStep": {
            at: string;
            status: string;
        };
        "request.SwitchDto": {
            enabled: boolean;
        };
        "request.TimelineActor": {
            id: string;
            kind: string;
        };
        "request.TimelineItem": {
            action: string;
            actor: components["schemas"]["request.TimelineActor"];
            at: string;
            from: string | null;
            note: string | null;
            to: string;
        };
        "request.VerificationRequestDto": {
            phone: string;
        };
        "request.VerificationSent": {
            message: string;
            validSeconds: number;
        };
        "request.VerifyHouseholdDto": {
            address?: string;
            communityCode?: string;
            lat?: number;
            lng?: number;
            /** @description The name of the one resident the report brought (the reporter), in place of 待核实. */
            residentName?: string;
        };
        "request.VisitContact": {
            address: string;
            name: string | null;
            phones: string[];
        };
        "request.WindowDto": {
            from: string;
            to: string;
        };
        RetireUnitDto: {
            reason: string;
        };
        SignupAccepted: {
            next: string;
            /** @enum {string} */
            status: "accepted";
        };
        TokenPair: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        UserView: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            id: string;
            orgPath: string;
            phone: string | null;
            phoneMasked: boolean;
            /** @enum {string} */
            role: "agent" | "auditor" | "community_admin" | "district_admin" | "street_admin";
            /** @enum {string} */
            status: "active" | "disabled";
            unitCode: string;
            username: string;
        };
        "volunteer.Activity": {
            capacity: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            endsAt: string;
            id: string;
            orgPath: string;
            place: string;
            pointsPerHour: number;
            /** Format: date-time */
            startsAt: string;
            teamId: string | null;
            title: string;
        };
        "volunteer.ActivityAttendance": {
            attendance: components["schemas"]["volunteer.Attendee"][];
            capacity: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            endsAt: string;
            id: string;
            orgPath: string;
            place: string;
            pointsPerHour: number;
            /** Format: date-time */
            startsAt: string;
            teamId: string | null;
            title: string;
        };
        "volunteer.ActivityDto": {
            capacity: number;
            endsAt: string;
            place: string;
            pointsPerHour: number;
            startsAt: string;
            /** Format: uuid */
            teamId?: string;
            title: string;
            unitPath: string;
        };
        "volunteer.ActivityListed": {
            capacity: number;
            /** Format: date-time */
            endsAt: string;
            id: string;
            minutes?: number | null;
            orgPath: string;
            place: string;
            pointsPerHour: number;
            signedUp: number;
            /** @description A volunteer only: whether they signed up, and the minutes credited once checked out. */
            signedUpByMe?: boolean;
            /** Format: date-time */
            startsAt: string;
            teamId: string | null;
            title: string;
        };
        "volunteer.ApplicationDto": {
            availability: components["schemas"]["volunteer.AvailabilityV1"];
            displayName: string;
            homeCommunityPath: string;
            maxConcurrentJobs?: number;
            /** @description Empty for a general volunteer, who joins activities but takes no home-service jobs. */
            specialties: components["schemas"]["volunteer.SpecialtyDto"][];
        };
        "volunteer.AttendanceDto": {
            /** @description When it happened, if recorded afterwards; now by default. */
            at?: string;
            volunteerId: string;
        };
        "volunteer.Attendee": {
            /** Format: date-time */
            checkedInAt: string | null;
            /** Format: date-time */
            checkedOutAt: string | null;
            displayName: string;
            minutes: number | null;
            /** Format: date-time */
            signedUpAt: string;
            volunteerId: string;
        };
        "volunteer.AvailabilityDto": {
            availability: components["schemas"]["volunteer.AvailabilityV1"];
            maxConcurrentJobs: number;
            /** @description At most this many jobs a day (China time), offers included while open; null or absent: no limit. */
            maxJobsPerDay?: number | null;
            /** @description At most this many jobs a week (from Monday, China time); at least the daily limit. */
            maxJobsPerWeek?: number | null;
            /** @description "Away until": no offers before then. Null ends a pause. */
            pausedUntil?: string | null;
        };
        "volunteer.AvailabilityV1": {
            /** @description 7×24: the windows are ignored. */
            always: boolean;
            windows: components["schemas"]["volunteer.WeeklyWindow"][];
        };
        "volunteer.CertificateDto": {
            expiresAt: string;
            /** @description e.g. 低压电工作业证 (low-voltage electrician's licence). */
            name: string;
            number: string;
        };
        "volunteer.CheckedIn": {
            activityId: string;
            /** Format: date-time */
            checkedInAt: string;
            volunteerId: string;
        };
        "volunteer.CheckedOut": {
            activityId: string;
            /** Format: date-time */
            checkedInAt: string;
            /** Format: date-time */
            checkedOutAt: string;
            minutes: number;
            points: number;
            volunteerId: string;
        };
        "volunteer.CommunityFigures": {
            activeVolunteers: number;
            hoursServed: number;
            jobsDone: number;
            orgPath: string;
            pointsEarned: number;
            volunteersServing: number;
        };
        "volunteer.ConsumerHealth": {
            group: string;
            /** @description Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
            lag: number | null;
            lagReadAt: string | null;
            /** @enum {string} */
            state: "consuming" | "crashed" | "joining" | "rebalancing" | "starting" | "stopped";
        };
        "volunteer.ConsumersHealth": {
            consumers: components["schemas"]["volunteer.ConsumerHealth"][];
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        "volunteer.Correction": {
            balance: number;
            entryId: string;
            points: number;
        };
        "volunteer.CorrectionDto": {
            reason: string;
            volunteerId: string;
        };
        "volunteer.ErrorBody": {
            /** @description The status text, e.g. "Bad Request". */
            error?: string;
            /** @description What was wrong: one sentence, or one per invalid field. */
            message: string | string[];
            statusCode: number;
        };
        "volunteer.Exchanged": {
            balance: number;
            categoryCode: string;
            entryId: string;
            exchangeId: string;
            points: number;
        };
        "volunteer.ExchangeDto": {
            categoryCode: string;
        };
        "volunteer.Figures": {
            activeVolunteers: number;
            hoursServed: number;
            jobsDone: number;
            pointsEarned: number;
            volunteersServing: number;
        };
        "volunteer.LedgerCheck": {
            cacheMismatches: string[];
            entries: number;
            negativeAccounts: string[];
            sumOfAllLines: number;
            unbalancedEntries: string[];
        };
        "volunteer.Liveness": {
            /** @enum {string} */
            status: "ok";
        };
        "volunteer.MemberDto": {
            /** @enum {string} */
            role: "leader" | "member";
        };
        "volunteer.Membership": {
            /** @enum {string} */
            role: "leader" | "member";
            teamId: string;
            volunteerId: string;
        };
        "volunteer.Movement": {
            amount: number;
            entryId: string;
            /** @enum {string} */
            kind: "activity" | "bonus" | "correction" | "exchange" | "job" | "redemption";
            /** Format: date-time */
            postedAt: string;
            reference: string;
        };
        "volunteer.OfferView": {
            categoryCode: string;
            /** Format: date-time */
            expiresAt: string | null;
            feePolicy: string | null;
            offerId: string;
            orgPath: string;
            requestId: string;
            status: string;
            summary: string | null;
            /** Format: date-time */
            updatedAt: string;
            urgency: string | null;
            volunteerId: string;
        };
        "volunteer.PointsConfigDto": {
            defaultExchangeCost?: number;
            defaultJobPoints?: number;
            exchangeCosts?: {
                [key: string]: number;
            };
            freeJobBonus?: number;
            jobPoints?: {
                [key: string]: number;
            };
            satisfiedRatingBonus?: number;
            starThresholds?: number[];
            unit: string;
        };
        "volunteer.PointsConfigView": {
            effective: Record<string, never>;
            own: Record<string, never>;
            unit: string;
        };
        "volunteer.PointsHistoryEntry": {
            entryId: string;
            /** @enum {string} */
            kind: "activity" | "bonus" | "correction" | "exchange" | "job" | "redemption";
            /** @description Credited (positive) or debited (negative) to the volunteer. */
            points: number;
            /** Format: date-time */
            postedAt: string;
            reason: string | null;
            reference: string;
        };
        "volunteer.PointsView": {
            balance: number;
            lifetimePoints: number;
            stars: number;
            toNextStar: number | null;
        };
        "volunteer.PublicTeam": {
            /** @description The categories its members hold a valid certificate for. */
            categories: string[];
            id: string;
            members: number;
            name: string;
            orgPath: string;
            scorecard: components["schemas"]["volunteer.TeamScorecard"];
            /** @description Volunteers serve free: always true, said so that teams and units read alike. */
            takesFreeJobs: boolean;
        };
        "volunteer.Readiness": {
            consumers: components["schemas"]["volunteer.ConsumerHealth"][];
            database: boolean;
            kafka: boolean;
            /**
             * @description Ready for HTTP: the database answers. Kafka and the consumers are reported, not required.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        "volunteer.Redeemed": {
            balance: number;
            entryId: string;
            points: number;
            redemptionId: string;
            reward: string;
            stock: number;
        };
        "volunteer.RejectDto": {
            reason: string;
        };
        "volunteer.RestockDto": {
            add: number;
        };
        "volunteer.ReviewDto": {
            reason?: string;
        };
        "volunteer.Reward": {
            costPoints: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: string;
            name: string;
            orgPath: string;
            stock: number;
        };
        "volunteer.RewardDto": {
            costPoints: number;
            name: string;
            stock: number;
            unitPath: string;
        };
        "volunteer.SignedUp": {
            activityId: string;
            placesLeft: number;
            /** Format: date-time */
            signedUpAt: string;
            volunteerId: string;
        };
        "volunteer.SpecialtyDto": {
            categoryCode: string;
            certificate: components["schemas"]["volunteer.CertificateDto"];
        };
        "volunteer.Statement": {
            account: string;
            closing: number;
            credits: number;
            debits: number;
            /** Format: date-time */
            from: string;
            movements: components["schemas"]["volunteer.Movement"][];
            opening: number;
            /** Format: date-time */
            to: string;
        };
        "volunteer.TeamDto": {
            name: string;
            unitPath: string;
        };
        "volunteer.TeamListed": {
            /** Format: date-time */
            createdAt?: string;
            /** @description Staff only. */
            createdBy?: string;
            id: string;
            name: string;
            orgPath: string;
            /**
             * @description A volunteer only: theirs in the team.
             * @enum {string}
             */
            role?: "leader" | "member";
        };
        "volunteer.TeamMemberView": {
            displayName: string;
            /** Format: date-time */
            joinedAt: string;
            /** @enum {string} */
            role: "leader" | "member";
            volunteerId: string;
        };
        "volunteer.TeamScorecard": {
            bayesianScore: number;
            meanStars: number | null;
            ratingsCount: number;
            topTags: components["schemas"]["volunteer.TeamTag"][];
        };
        "volunteer.TeamTag": {
            count: number;
            tag: string;
        };
        "volunteer.TeamView": {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: string;
            members: components["schemas"]["volunteer.TeamMemberView"][];
            name: string;
            orgPath: string;
        };
        "volunteer.TrainingDto": {
            completedOn: string;
            /** @enum {string} */
            module: "ethos" | "procedure" | "safety" | "skills";
        };
        "volunteer.UnitFigures": {
            byCommunity: components["schemas"]["volunteer.CommunityFigures"][];
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            totals: components["schemas"]["volunteer.Figures"];
            unit: string;
        };
        "volunteer.VolunteerDetail": {
            active: boolean;
            activityHours: number;
            /** Format: date-time */
            appliedAt: string;
            availability: components["schemas"]["volunteer.AvailabilityV1"];
            displayName: string;
            id: string;
            maxConcurrentJobs: number;
            maxJobsPerDay: number | null;
            maxJobsPerWeek: number | null;
            orgPath: string;
            /** Format: date-time */
            pausedUntil: string | null;
            points: components["schemas"]["volunteer.PointsView"];
            profileVersion: number;
            /** Format: date-time */
            reviewedAt: string | null;
            reviewReason: string | null;
            specialties: {
                categoryCode: string;
                certificate: {
                    /** Format: date-time */
                    expiresAt?: string;
                    name?: string;
                    number?: string;
                };
                valid: boolean;
            }[];
            /** @enum {string} */
            status: "applied" | "approved" | "rejected" | "suspended";
            training: {
                done?: {
                    completedOn: string;
                    module: string;
                }[];
                missing: ("ethos" | "procedure" | "safety" | "skills")[];
            };
        };
        "volunteer.VolunteerRankings": {
            entries: Record<string, never>[];
            me?: Record<string, never> | null;
            period: Record<string, never>;
            unit: string;
        };
        "volunteer.VolunteerSummary": {
            /** Format: date-time */
            appliedAt: string;
            displayName: string;
            id: string;
            orgPath: string;
            /** @enum {string} */
            status: "applied" | "approved" | "rejected" | "suspended";
        };
        "volunteer.WeeklyWindow": {
            day: number;
            from: string;
            to: string;
        };
        "volunteer.YearEndConfirmDto": {
            unit: string;
            year: number;
        };
        "volunteer.YearEndList": {
            confirmed: {
                /** Format: date-time */
                confirmedAt: string;
                confirmedBy: string;
                stars: Record<string, never>;
            };
            period: Record<string, never>;
            stars: Record<string, never>[];
            starThresholds: number[];
            unit: string;
            year: number;
        };
        VolunteerSignupDto: {
            /** @description The volunteer's home community: the scope of their tokens and where they apply. */
            communityCode: string;
            displayName: string;
            password: string;
            phone: string;
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
