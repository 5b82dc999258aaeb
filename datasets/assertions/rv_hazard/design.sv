module rv_hazard (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       id_valid,
    input  wire [4:0] id_rs1,
    input  wire [4:0] id_rs2,
    input  wire       id_load,
    input  wire [4:0] id_rd,
    output wire       stall,
    output reg        ex_load,
    output reg  [4:0] ex_rd
);
  assign stall = id_valid && ex_load && ex_rd != 5'd0 && (ex_rd == id_rs1 || ex_rd == id_rs2);
  always @(posedge clk) begin
    if (!rst_n) begin
      ex_load <= 1'b0;
      ex_rd <= 5'd0;
    end else if (stall) begin
      ex_load <= 1'b0;
      ex_rd <= 5'd0;
    end else begin
      ex_load <= id_valid && id_load;
      ex_rd <= id_valid ? id_rd : 5'd0;
    end
  end
endmodule
