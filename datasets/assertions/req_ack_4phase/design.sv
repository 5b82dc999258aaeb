module req_ack_4phase (
    input  wire clk,
    input  wire rst_n,
    input  wire req,
    input  wire data_ok,
    output reg  ack,
    output reg  busy
);
  always @(posedge clk) begin
    if (!rst_n) begin
      ack <= 1'b0;
      busy <= 1'b0;
    end else if (!ack) begin
      if (busy && data_ok) begin
        ack <= 1'b1;
        busy <= 1'b0;
      end else if (req && !busy) busy <= 1'b1;
    end else if (!req) ack <= 1'b0;
  end
endmodule
