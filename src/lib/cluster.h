/* cluster.h - union-find (see cluster.c). */
#ifndef RP_CLUSTER_H
#define RP_CLUSTER_H

#include <stdint.h>

void rp__uf_init(uint32_t *parent, uint32_t n);
uint32_t rp__uf_find(uint32_t *parent, uint32_t x);
void rp__uf_union(uint32_t *parent, uint32_t a, uint32_t b);
/* cluster[i] = 1-based cluster number in order of smallest member;
 * size[c - 1] = members of cluster c. Returns the number of clusters. */
uint32_t rp__uf_number(uint32_t *parent, uint32_t n, uint32_t *cluster,
		       uint32_t *size);

#endif
