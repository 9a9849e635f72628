/*
 * cluster.c - union-find over verified pairs.
 *
 * Union by smaller index with path halving: the root of every set is its
 * smallest document number, which makes cluster numbering a function of
 * the pairs alone (never of the order they were joined in).
 */
#include "cluster.h"

void rp__uf_init(uint32_t *parent, uint32_t n)
{
	uint32_t i;
	for (i = 0; i < n; i++)
		parent[i] = i;
}

uint32_t rp__uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

void rp__uf_union(uint32_t *parent, uint32_t a, uint32_t b)
{
	a = rp__uf_find(parent, a);
	b = rp__uf_find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

uint32_t rp__uf_number(uint32_t *parent, uint32_t n, uint32_t *cluster,
		       uint32_t *size)
{
	uint32_t i, next = 0;
	for (i = 0; i < n; i++) {
		uint32_t r = rp__uf_find(parent, i);
		/* roots are the smallest member, so they are met first */
		if (r == i)
			cluster[i] = ++next;
		else
			cluster[i] = cluster[r];
	}
	for (i = 0; i < n; i++)
		size[i] = 0;
	for (i = 0; i < n; i++)
		size[cluster[i] - 1]++;
	return next;
}
