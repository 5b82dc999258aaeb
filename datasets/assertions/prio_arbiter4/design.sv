module prio_arbiter4 (
    input  wire       clk,
    input  wire       rst,
    input  wire [3:0] req,
    output wire [3:0] gnt,
    output reg        busy
);
  assign gnt = req & (~req + 4'd1);
  always @(posedge clk) begin
    if (rst) busy <= 1'b0;
    else busy <= |req;
  end
endmodule
