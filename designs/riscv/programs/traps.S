# traps.S: synchronous traps with a handler at the reset mtvec (0x100) that records mcause
# (s9), mepc (s10), mtval (s11), mstatus (s7), counts traps (s8), advances mepc by 4 and
# returns with mret. Covers ecall, ebreak, illegal words, unimplemented CSRs and writes to
# read-only CSRs, misaligned loads/stores/jumps/branches, minstret not counting trapped
# instructions, MIE/MPIE on trap and mret, a moved mtvec, and mret to a written mepc.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). The handler never sees a7 == 93 except at the end.
  j start
.org 0x100
handler:
  csrr s9, mcause
  csrr s10, mepc
  csrr s11, mtval
  csrr s7, mstatus
  addi s8, s8, 1
  addi t6, s10, 4
  csrw mepc, t6
  mret
handler2:
  li s6, 0x222
  csrr t6, mepc
  addi t6, t6, 4
  csrw mepc, t6
  mret
start:
  li s0, 0x4000
  li s8, 0

  li gp, 1
l1:
  ecall
  li t0, 1
  bne s8, t0, fail
  li t0, 11
  bne s9, t0, fail
  la t0, l1
  bne s10, t0, fail
  bnez s11, fail
  li gp, 2
l2:
  ebreak
  li t0, 2
  bne s8, t0, fail
  li t0, 3
  bne s9, t0, fail
  la t0, l2
  bne s10, t0, fail
  bne s11, t0, fail
  li gp, 3
l3:
  .word 0
  li t0, 2
  bne s9, t0, fail
  la t0, l3
  bne s10, t0, fail
  bnez s11, fail
  .word 0xffffffff
  li t0, 2
  bne s9, t0, fail
  li t0, -1
  bne s11, t0, fail
  li gp, 4
  li a1, 77
l4:
  csrr a1, 0x7c0
  li t0, 2
  bne s9, t0, fail
  la t0, l4
  bne s10, t0, fail
  lw t1, 0(t0)
  bne s11, t1, fail
  li t0, 77
  bne a1, t0, fail
  li gp, 5
  li s9, 0
  csrw mhartid, a1
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  csrr a1, mcounteren
  li t0, 2
  bne s9, t0, fail
  li gp, 6
  li t0, 0x12345678
  sw t0, 0(s0)
  li a1, 5
  li t0, 0x4001
l6:
  lw a1, 0(t0)
  li t1, 4
  bne s9, t1, fail
  bne s11, t0, fail
  la t1, l6
  bne s10, t1, fail
  li t1, 5
  bne a1, t1, fail
  li t0, 0x4003
  lh a1, 0(t0)
  li t1, 4
  bne s9, t1, fail
  bne s11, t0, fail
  li t0, 0x4001
  lhu a1, 0(t0)
  li t1, 4
  bne s9, t1, fail
  li s9, 0
  lb a1, 0(t0)
  lbu a1, 2(t0)
  lh a1, 1(t0)
  bnez s9, fail
  li t1, 0x1234
  bne a1, t1, fail
  li gp, 7
  li t0, 0x4002
  li t1, -1
  sw t1, 0(t0)
  li t2, 6
  bne s9, t2, fail
  bne s11, t0, fail
  li s9, 0
  li t0, 0x4001
  sh t1, 0(t0)
  li t2, 6
  bne s9, t2, fail
  lw a1, 0(s0)
  li t0, 0x12345678
  bne a1, t0, fail
  li gp, 8
  li s9, -1
  li ra, 0x33
  la t0, l8target
  addi t0, t0, 2
l8:
  jalr ra, 0(t0)
  bnez s9, fail
  bne s11, t0, fail
  la t1, l8
  bne s10, t1, fail
  li t1, 0x33
  bne ra, t1, fail
  j l8b
l8target:
  j fail
l8b:
  li s9, -1
  la t0, l8c
l8c:
  jal ra, . + 6
  bnez s9, fail
  bne s10, t0, fail
  addi t0, t0, 6
  bne s11, t0, fail
  li s9, -1
  la t0, l8d
l8d:
  beq zero, zero, . + 10
  bnez s9, fail
  bne s10, t0, fail
  li s9, -1
  bne zero, zero, . + 6
  li t0, -1
  bne s9, t0, fail
  li gp, 9
  mv t5, s8
  csrr t0, minstret
  ebreak
  csrr t1, minstret
  sub a0, t1, t0
  li t2, 9
  bne a0, t2, fail
  csrr t0, minstret
  ecall
  csrr t1, minstret
  sub a0, t1, t0
  bne a0, t2, fail
  csrr t0, minstret
  .word 0
  csrr t1, minstret
  sub a0, t1, t0
  bne a0, t2, fail
  addi t5, t5, 3
  bne s8, t5, fail
  li gp, 10
  csrsi mstatus, 8
  ecall
  li t0, 0x1880
  bne s7, t0, fail
  csrr a0, mstatus
  li t0, 0x1888
  bne a0, t0, fail
  csrci mstatus, 8
  ecall
  li t0, 0x1800
  bne s7, t0, fail
  csrr a0, mstatus
  li t0, 0x1880
  bne a0, t0, fail
  li gp, 11
  la t0, handler2
  csrw mtvec, t0
  mv t5, s8
  ecall
  li t0, 0x100
  csrw mtvec, t0
  li t0, 0x222
  bne s6, t0, fail
  bne s8, t5, fail
  li gp, 12
  la t0, l12
  csrw mepc, t0
  mret
  j fail
l12:
  li gp, 13
  mv t5, s8
  j l13
  ecall
  .word 0
  lw a1, 1(zero)
l13:
  bne s8, t5, fail
  li gp, 14
  li s9, 0
  lw zero, 2(zero)
  li t0, 4
  bne s9, t0, fail
  li gp, 15
  li s9, 0
  .word 0x0000100f
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  .word 0x00003003
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  .word 0x40b51533
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  .word 0x40001013
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  .word 0x02051513
  li t0, 2
  bne s9, t0, fail
  li s9, 0
  .word 0x00000074
  li t0, 2
  bne s9, t0, fail
  li s9, -1
  fence
  fence rw, rw
  wfi
  li t0, -1
  bne s9, t0, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
